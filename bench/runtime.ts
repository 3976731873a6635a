// `npm run bench:runtime`: calls through the ESL simulator over loopback TCP into the runtime, and into a bare drachtio-modesl app answering the same frames.
// Flags: --cps N (default 100) --seconds N (default 60) --hold SECONDS, the length of each of the two spoken prompts (default 10: 100 cps × 20 s ≈ 2,000 calls up at once).

import { monitorEventLoopDelay } from 'node:perf_hooks';
import net from 'node:net';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import esl from 'drachtio-modesl';
import type { Connection } from 'drachtio-modesl';
import { parseArgs } from 'node:util';
import { flow, node, tts } from '../test/flow-engine/support/build-flow';
import { flowVersions, flows, lines } from '../schemas/db';
import { loadRuntimeConfig } from '../runtime/config';
import { startRuntime } from '../runtime/start-runtime';
import type { CallerScript, LoadResult } from '../runtime/esl-simulator';
import { openBenchDatabase } from './bench-database';

const { values } = parseArgs({ options: { cps: { type: 'string', default: '100' }, seconds: { type: 'string', default: '60' }, hold: { type: 'string', default: '10' } } });
const cps = Number(values.cps);
const seconds = Number(values.seconds);
const holdMs = Number(values.hold) * 1000;
const NUMBER = '4008009999';
/** Every call: answer, a welcome held for `hold`, a one-key menu answered with 1, the goodbye, hangup. */
const script: CallerScript = { destination: NUMBER, inputs: ['1'], mediaMs: 0 };

interface Phase {
  name: string;
  load: LoadResult;
  lagP99Ms: number;
  lagMaxMs: number;
  rssPerCallKb: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

async function runPhase(name: string, address: { host: string; port: number }): Promise<Phase> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let peakUp = 0;
  // The welcome prompt holds each call up for `hold`; the first playback/speak takes that long in the simulator.
  const phaseScript: CallerScript = { ...script, mediaMs: holdMs };
  const worker = new Worker(new URL('./runtime-load-worker.mjs', import.meta.url), { workerData: { address, callsPerSecond: cps, seconds, script: phaseScript } });
  const load = await new Promise<LoadResult>((resolve, reject) => {
    worker.on('message', (message: { kind: string; up?: number; result?: LoadResult }) => {
      if (message.kind === 'progress') {
        peakUp = Math.max(peakUp, message.up ?? 0);
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      } else if (message.kind === 'done' && message.result) resolve(message.result);
    });
    worker.on('error', reject);
  });
  await worker.terminate();
  lag.disable();
  return { name, load, lagP99Ms: lag.percentile(99) / 1e6, lagMaxMs: lag.max / 1e6, rssPerCallKb: (rssPeak - rssBefore) / 1024 / Math.max(1, peakUp) };
}

/** The floor: drachtio-modesl driven by hand, the same applications in the same order, no flow engine, no database. */
async function startBareApp(): Promise<{ address: { host: string; port: number }; close(): void }> {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    const conn: Connection = new esl.Connection(socket);
    conn.on('error', () => undefined);
    conn.once('esl::ready', () =>
      setImmediate(() => {
        const uuid = conn.getInfo()?.getHeader('Unique-ID') ?? '';
        const exec = (app: string, arg: string) =>
          new Promise<void>((resolve) => {
            const id = `${uuid}-${Math.random()}`;
            const onDone = (event: { getHeader(n: string): string | null }) => {
              if (event.getHeader('Application-UUID') !== id) return;
              conn.off(`esl::event::CHANNEL_EXECUTE_COMPLETE::${uuid}`, onDone as never);
              resolve();
            };
            conn.on(`esl::event::CHANNEL_EXECUTE_COMPLETE::${uuid}`, onDone as never);
            conn.sendRecv('sendmsg', { 'call-command': 'execute', 'execute-app-name': app, 'execute-app-arg': arg, 'Event-UUID': id }, () => undefined);
          });
        conn.sendRecv('linger', () => undefined);
        conn.sendRecv('myevents', async () => {
          await exec('answer', '');
          await exec('speak', 'flite|kal|Welcome to the benchmark');
          await exec('multiset', 'tts_engine=flite tts_voice=kal');
          await exec('flush_dtmf', '');
          await exec('play_and_get_digits', "1 1 1 5000 none 'say:Press 1' silence_stream://250 d ^[0-9*#]+$ 5000");
          await exec('speak', 'flite|kal|Goodbye');
          await exec('multiset', 'callflow_path=start,hello,menu,bye callflow_end=hangup@bye');
          conn.sendRecv('sendmsg', { 'call-command': 'execute', 'execute-app-name': 'hangup', 'execute-app-arg': 'NORMAL_CLEARING' }, () => undefined);
        });
        conn.on('esl::event::CHANNEL_HANGUP_COMPLETE::*', () => socket.destroy());
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { address: { host: '127.0.0.1', port }, close: () => server.close() };
}

function report(phase: Phase): string {
  const sorted = [...phase.load.turnarounds].sort((a, b) => a - b);
  return [
    `${phase.name}:`,
    `  calls placed ${phase.load.placed}, completed ${phase.load.completed}, failed ${phase.load.failed}`,
    `  call setups per second ${phase.load.setupsPerSecond.toFixed(1)}, concurrent calls held (peak) ${phase.load.peakConcurrent}`,
    `  event → next command p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms (${sorted.length} samples)`,
    `  event-loop lag p99 ${phase.lagP99Ms.toFixed(1)} ms, max ${phase.lagMaxMs.toFixed(1)} ms; RSS per call ${phase.rssPerCallKb.toFixed(1)} KB`,
  ].join('\n');
}

const bench = await openBenchDatabase(process.env.DATABASE_URL);
try {
  const document = flow(
    [node('hello', 'play', { prompt: tts('Welcome to the benchmark') }), node('menu', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }], maxAttempts: 1 }), node('bye', 'hangup', { prompt: tts('Goodbye') })],
    ['start:next->hello', 'hello:next->menu', 'menu:1->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
    { id: 'bench-runtime' },
  );
  const [row] = await bench.handle.db.insert(flows).values({ key: document.id, name: document.name, draft: document }).returning({ id: flows.id });
  await bench.handle.db.insert(flowVersions).values({ flowId: row.id, number: 1, document, checksum: 'bench' });
  await bench.handle.db.insert(lines).values({ number: NUMBER, flowId: row.id });

  console.log(`bench:runtime on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${bench.label}`);
  console.log(`load: ${cps} calls/s for ${seconds} s, two prompts of ${holdMs / 1000} s each; simulator in a worker thread\n`);

  const bare = await startBareApp();
  const floor = await runPhase('bare drachtio-modesl app (the limit)', bare.address);
  bare.close();
  console.log(report(floor));

  const config = loadRuntimeConfig({ CALLFLOW_RUNTIME_LISTEN: '127.0.0.1:0', CALLFLOW_RUNTIME_HTTP: '127.0.0.1:0', CALLFLOW_DATA_DIR: os.tmpdir() + '/callflow-bench-runtime', CALLFLOW_DRAIN_SECONDS: '5' });
  const runtime = await startRuntime({ database: bench.handle, config, log: () => undefined });
  const measured = await runPhase('callflow runtime', runtime.eslAddress);
  await runtime.stop();
  console.log(report(measured));

  const ratio = measured.load.setupsPerSecond / floor.load.setupsPerSecond;
  const p99 = percentile([...measured.load.turnarounds].sort((a, b) => a - b), 99);
  const p99Floor = percentile([...floor.load.turnarounds].sort((a, b) => a - b), 99);
  console.log(`\nratio to the bare app: setups ${ratio.toFixed(2)}, p99 turnaround ${(p99Floor / p99).toFixed(2)} (targets: 2,000 concurrent, 100 setups/s for 60 s, p99 ≤ 5 ms, ratio ≥ 0.5, 0 failed)`);
} finally {
  await bench.close();
}
