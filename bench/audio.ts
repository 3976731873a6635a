// `npm run bench:audio`: 10 MB WAV uploads (sent from a worker thread) to the studio's real HTTP server in this process
// while playback GETs are sent one after another; the same GETs for as long again with no upload, in turns, so that
// load from other work falls on both. Prints both latency distributions, the delay an upload adds, and the event
// loop's longest stall. Goal: an upload delays a concurrent GET by at most 100 ms. In-memory PGlite by default, a fresh
// database on the PostgreSQL server in DATABASE_URL otherwise.

import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SessionUser } from '../app/_server/trpc';
import { users } from '../schemas/db';
import { sessionCookie, startAudioServer } from '../test/app/audio/audio-server';
import { getsDuringUpload } from '../test/app/audio/gets-during-upload';
import { makeWav } from '../test/app/audio/make-wav';
import { openBenchDatabase } from './bench-database';

const UPLOADS = 5;
const GOAL_MS = 100;

/** Nearest-rank percentile of sorted samples. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const row = (name: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const cells = [50, 95, 99, 100].map((p) => `${percentile(sorted, p).toFixed(1).padStart(7)} ms`);
  return `${name.padEnd(34)} ${cells.join(' ')} ${String(sorted.length).padStart(6)}`;
};

async function main(): Promise<void> {
  const database = await openBenchDatabase(process.env.DATABASE_URL || undefined);
  const { db } = database.handle;
  const user: SessionUser = {
    id: randomUUID(),
    name: 'Bench designer',
    email: 'bench-audio@example.test',
    role: 'designer',
  };
  await db.insert(users).values(user);
  const server = await startAudioServer({
    db,
    currentUser: async (headers) => (headers.get('x-test-user') === user.id ? user : null),
  });
  try {
    console.log(`Database: ${database.label}`);
    const headers = {
      origin: server.origin,
      'sec-fetch-site': 'same-origin',
      'x-test-user': user.id,
      cookie: sessionCookie,
    };
    const form = new FormData();
    form.set('key', 'short');
    form.set('language', 'en-US');
    form.set('file', new File([new Uint8Array(makeWav({ seconds: 1 }))], 'short.wav'));
    const small = await fetch(`${server.origin}/api/audio`, { method: 'POST', body: form, headers });
    const playId = ((await small.json()) as { audio: { id: string } }).audio.id;
    const get = async () => {
      const sent = performance.now();
      await (await fetch(`${server.origin}/api/audio/${playId}`, { headers })).arrayBuffer();
      return performance.now() - sent;
    };

    for (let i = 0; i < 5; i++) await get();
    // 16 kHz 16-bit mono for 327 s: 10,464,044 bytes, just under the 10 MB limit.
    const big = makeWav({ sampleRate: 16_000, seconds: 327 });
    const quiet: number[] = [];
    const during: number[] = [];
    const uploads: number[] = [];
    const stalls: { max: number; p99: number }[] = [];
    for (let i = 0; i < UPLOADS; i++) {
      // A fresh monitor per upload: one re-enabled after a pause would count the pause as a stall.
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const result = await getsDuringUpload({
        origin: server.origin,
        userId: user.id,
        playId,
        key: `big-${i % 2}`,
        wav: big,
      });
      loop.disable();
      stalls.push({ max: loop.max / 1e6, p99: loop.percentile(99) / 1e6 });
      if (result.uploadStatus >= 300) throw new Error(`The upload answered ${result.uploadStatus}`);
      during.push(...result.getMs);
      uploads.push(result.uploadMs);
      for (const until = performance.now() + result.uploadMs; performance.now() < until;) quiet.push(await get());
    }

    const quietMedian = percentile(
      [...quiet].sort((a, b) => a - b),
      50,
    );
    const worstDelay = Math.max(...during) - quietMedian;
    console.log(
      `Load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
    console.log(
      `\n${'GET /api/audio/<id> (1 s WAV)'.padEnd(34)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'p99'.padStart(10)} ${'max'.padStart(10)} ${'count'.padStart(6)}`,
    );
    console.log(row('no upload in flight (same time)', quiet));
    console.log(row(`during ${UPLOADS} uploads of ${(big.length / 1e6).toFixed(1)} MB`, during));
    console.log(row('the uploads themselves', uploads));
    const stall = Math.max(...stalls.map((s) => s.max));
    const stallP99 = Math.max(...stalls.map((s) => s.p99));
    console.log(
      `\nLongest event-loop stall during an upload: ${stall.toFixed(1)} ms (worst p99 of the ${UPLOADS} uploads ${stallP99.toFixed(1)} ms).`,
    );
    const quietSorted = [...quiet].sort((a, b) => a - b);
    console.log(
      `Without an upload the slowest GET was ${(percentile(quietSorted, 100) - quietMedian).toFixed(1)} ms over the median (the machine's own noise).`,
    );
    const ok = worstDelay <= GOAL_MS;
    console.log(
      `Worst GET delay caused by an upload (max during − median without): ${worstDelay.toFixed(1)} ms; goal ≤ ${GOAL_MS} ms: ${ok ? 'ok' : 'OVER'}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await server.close();
    await database.close();
  }
}

await main();
