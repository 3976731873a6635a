// The benchmark's FreeSWITCH side: the ESL simulator's load mode in a worker thread, so it does not share the runtime's event loop.

import { parentPort, workerData } from 'node:worker_threads';
import { runLoad, type LoadOptions } from '../runtime/esl-simulator';

const options = workerData as LoadOptions;
const result = await runLoad(options, (up) => parentPort?.postMessage({ kind: 'progress', up }));
parentPort?.postMessage({ kind: 'done', result });
