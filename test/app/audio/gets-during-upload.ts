// Times playback requests (GET /api/audio/<id>) sent one after another while one large upload is in flight on the same
// server: what a stalled event loop or a database held by the upload would show as a slow GET. The upload is sent from
// a worker thread (upload-worker.mjs), like a browser elsewhere. Used by the upload concurrency test (generous bound)
// and by `npm run bench:audio` (the figures).

import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { sessionCookie } from './audio-server';

export interface GetsDuringUpload {
  uploadStatus: number;
  uploadMs: number;
  /** Latency of each GET that started while the upload was in flight, in order. */
  getMs: number[];
}

export async function getsDuringUpload(options: {
  origin: string;
  userId: string;
  playId: string;
  key: string;
  wav: Uint8Array;
}): Promise<GetsDuringUpload> {
  const { origin, userId, playId } = options;
  const headers = { origin, 'sec-fetch-site': 'same-origin', 'x-test-user': userId, cookie: sessionCookie };
  const form = new FormData();
  form.set('key', options.key);
  form.set('language', 'en-US');
  form.set('file', new File([new Uint8Array(options.wav)], `${options.key}.wav`));
  // Encoded before the clock starts: the browser does this part, not the studio's process.
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  const contentType = encoded.headers.get('content-type') ?? '';

  let uploading = true;
  const worker = new Worker(new URL('./upload-worker.mjs', import.meta.url), {
    workerData: { url: `${origin}/api/audio`, body, headers: { ...headers, 'content-type': contentType } },
    transferList: [body.buffer],
  });
  const upload = (once(worker, 'message') as Promise<[{ status: number; ms: number }]>).then(([done]) => done);
  const stop = () => {
    uploading = false;
  };
  // A failed worker rejects `upload` (events.once rejects on 'error'), which the await below reports.
  upload.then(stop, stop);

  const getMs: number[] = [];
  while (uploading) {
    const sent = performance.now();
    const response = await fetch(`${origin}/api/audio/${playId}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET /api/audio/${playId} answered ${response.status}`);
    getMs.push(performance.now() - sent);
  }
  const done = await upload;
  await worker.terminate();
  return { uploadStatus: done.status, uploadMs: done.ms, getMs };
}
