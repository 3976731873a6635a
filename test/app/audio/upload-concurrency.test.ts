// A 10 MB upload does not hold up other requests: playback GETs sent while it is stored, on the studio's real HTTP
// server in this process, each answer well within a generous bound (before the chunked store, one bytea statement
// blocked embedded PGlite, and so every request, for 3–20 s). The precise figure is `npm run bench:audio`'s.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioLimits } from '../../../app/_server/audio/audio-limits';
import type { SessionUser } from '../../../app/_server/trpc';
import { seedUser } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { sessionCookie, startAudioServer, type AudioServer } from './audio-server';
import { getsDuringUpload } from './gets-during-upload';
import { makeWav } from './make-wav';

// Wall-clock bounds fail on a loaded 2-core machine; this one is 20 times the goal of 100 ms.
const GENEROUS_MS = 2000;

describe.each(testBackends)('a 10 MB upload and concurrent playback on $name', (backend) => {
  let database: TestDatabase;
  let server: AudioServer;
  let designer: SessionUser;

  beforeAll(async () => {
    database = await backend.open();
    designer = await seedUser(database.db, 'designer');
    server = await startAudioServer({
      db: database.db,
      currentUser: async (headers) => (headers.get('x-test-user') === designer.id ? designer : null),
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it(
    `playback GETs during the upload each answer in under ${GENEROUS_MS} ms, and the upload is stored whole`,
    { timeout: 120_000 },
    async () => {
      // 16 kHz 16-bit mono for 327 s: just under the 10 MB limit.
      const big = makeWav({ sampleRate: 16_000, seconds: 327 });
      expect(big.length).toBeGreaterThan(audioLimits.maxBytes - 64 * 1024);
      expect(big.length).toBeLessThanOrEqual(audioLimits.maxBytes);

      const form = new FormData();
      form.set('key', 'short');
      form.set('language', 'en-US');
      form.set('file', new File([new Uint8Array(makeWav({ seconds: 1 }))], 'short.wav'));
      const headers = {
        origin: server.origin,
        'sec-fetch-site': 'same-origin',
        'x-test-user': designer.id,
        cookie: sessionCookie,
      };
      const small = await fetch(`${server.origin}/api/audio`, { method: 'POST', body: form, headers });
      expect(small.status).toBe(201);
      const playId = ((await small.json()) as { audio: { id: string } }).audio.id;

      const result = await getsDuringUpload({
        origin: server.origin,
        userId: designer.id,
        playId,
        key: 'big',
        wav: big,
      });
      expect(result.uploadStatus).toBe(201);
      expect(result.getMs.length).toBeGreaterThan(0);
      expect(Math.max(...result.getMs)).toBeLessThan(GENEROUS_MS);
    },
  );
});
