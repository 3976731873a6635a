// Worker entry for gets-during-upload.ts: sends one upload (an already encoded multipart body) from its own thread, as
// a browser would from its own machine, so the uploading client's work never lands on the server's event loop.
// Plain JavaScript: a worker does not inherit the parent's TypeScript loader.

import { parentPort, workerData } from 'node:worker_threads';

const { url, body, headers } = workerData;
const started = performance.now();
const response = await fetch(url, { method: 'POST', body, headers });
await response.arrayBuffer();
parentPort.postMessage({ status: response.status, ms: performance.now() - started });
