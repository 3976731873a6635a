// One side of `npm run bench:runtime` in its own process (`bare` or `runtime`), so each reports its own CPU and heap.
// Started by bench/runtime.ts with --expose-gc and an IPC channel; answers `cpu` with its CPU time and event-loop lag,
// `measure` with the same plus the heap after a full GC and the calls it holds; `lag` turns the lag monitor on and off.

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { loadRuntimeConfig } from '../runtime/config';
import { startRuntime } from '../runtime/start-runtime';
import { flowVersions, flows, lines } from '../schemas/db';
import { flow, node, tts } from '../test/flow-engine/support/build-flow';
import { startBareApp } from './bare-esl-app';
import { openBenchDatabase, type BenchDatabase } from './bench-database';

export const BENCH_NUMBER = '4008009999';

/** What a side reports when asked. */
export interface ServerSample {
  /** User + system CPU of this process since it started, µs. */
  cpuUs: number;
  /** The system (kernel) part of cpuUs: socket reads and writes, mostly. */
  systemUs: number;
  /** Heap used (after a full GC when asked by `measure`), bytes. */
  heapUsed: number;
  /** Calls this side holds right now (open ESL sockets). */
  calls: number;
  lagP99Ms: number;
  lagMaxMs: number;
}

async function startSide(
  kind: string,
): Promise<{ address: { host: string; port: number }; calls(): number; label: string; close(): Promise<void> }> {
  if (kind === 'bare') {
    const bare = await startBareApp();
    return { ...bare, label: 'no database', close: async () => bare.close() };
  }
  const bench: BenchDatabase = await openBenchDatabase(process.env.DATABASE_URL);
  const document = flow(
    [
      node('hello', 'play', { prompt: tts('Welcome to the benchmark') }),
      node('menu', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }], maxAttempts: 1 }),
      node('bye', 'hangup', { prompt: tts('Goodbye') }),
    ],
    ['start:next->hello', 'hello:next->menu', 'menu:1->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
    { id: 'bench-runtime' },
  );
  const [row] = await bench.handle.db
    .insert(flows)
    .values({ key: document.id, name: document.name, draft: document })
    .returning({ id: flows.id });
  if (!row) throw new Error('the bench flow was not inserted');
  await bench.handle.db.insert(flowVersions).values({ flowId: row.id, number: 1, document, checksum: 'bench' });
  await bench.handle.db.insert(lines).values({ number: BENCH_NUMBER, flowId: row.id });
  const dataDir = `${os.tmpdir()}/callflow-bench-runtime-${process.pid}`;
  const config = loadRuntimeConfig({
    CALLFLOW_RUNTIME_LISTEN: '127.0.0.1:0',
    CALLFLOW_RUNTIME_HTTP: '127.0.0.1:0',
    CALLFLOW_DATA_DIR: dataDir,
    CALLFLOW_DRAIN_SECONDS: '5',
  });
  const runtime = await startRuntime({ database: bench.handle, config, log: () => undefined });
  await runtime.ready;
  return {
    address: runtime.eslAddress,
    calls: () => runtime.activeCalls,
    label: bench.label,
    close: async () => {
      await runtime.stop();
      await bench.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send)
  throw new Error('bench/runtime-server.ts is started by bench/runtime.ts (node --expose-gc, with IPC)');
const side = await startSide(process.argv[2] ?? '');
const lag = monitorEventLoopDelay({ resolution: 10 });
process.on('message', (message: { kind: 'measure' | 'cpu' | 'lag' | 'stop'; on?: boolean }) => {
  if (message.kind === 'measure' || message.kind === 'cpu') {
    // Only the memory phase collects garbage: a forced GC during the timed load would stall the calls.
    if (message.kind === 'measure') {
      gc();
      gc();
      // BENCH_HEAP_SNAPSHOT_DIR: also write a heap snapshot, to see what each call keeps (idle and held).
      const dir = process.env.BENCH_HEAP_SNAPSHOT_DIR;
      if (dir) writeHeapSnapshot(path.join(dir, `${process.argv[2]}-${side.calls()}-calls.heapsnapshot`));
    }
    const { user, system } = process.cpuUsage();
    const sample: ServerSample = {
      cpuUs: user + system,
      systemUs: system,
      heapUsed: process.memoryUsage().heapUsed,
      calls: side.calls(),
      lagP99Ms: lag.percentile(99) / 1e6,
      lagMaxMs: lag.max / 1e6,
    };
    process.send?.({ kind: 'sample', sample });
  } else if (message.kind === 'lag') {
    // On, from empty, during each of this side's timed rounds only: its p99 is its own load's.
    if (message.on) {
      lag.reset();
      lag.enable();
    } else lag.disable();
  } else if (message.kind === 'stop') {
    void side.close().then(() => process.exit(0));
  }
});
process.send({ kind: 'ready', address: side.address, label: side.label });
