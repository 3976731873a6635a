// `npm run bench:runtime`: calls through the ESL simulator over loopback TCP into the runtime, and into a bare
// drachtio-modesl app answering the same frames; each side in its own process, so its CPU and heap are its own.
// Flags: --cps N (default 100) --seconds N (default 60) --hold SECONDS, the length of each of the two spoken prompts
// (default 10: 100 cps × 20 s ≈ 2,000 calls up at once), --memory-calls N (default 600: calls held at once while
// the heap is measured).

import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { SimulatedChannel, type CallerScript, type LoadResult } from '../runtime/esl-simulator';
import type { ServerSample } from './runtime-server';

const { values } = parseArgs({ options: { cps: { type: 'string', default: '100' }, seconds: { type: 'string', default: '60' }, hold: { type: 'string', default: '10' }, 'memory-calls': { type: 'string', default: '600' } } });
const cps = Number(values.cps);
const seconds = Number(values.seconds);
const holdMs = Number(values.hold) * 1000;
const memoryCalls = Number(values['memory-calls']);
/** Every call: answer, a welcome held for `hold`, a one-key menu answered with 1, the goodbye, hangup. */
const script: CallerScript = { destination: '4008009999', inputs: ['1'], mediaMs: holdMs };

interface Side {
  child: ChildProcess;
  address: { host: string; port: number };
  label: string;
  sample(kind: 'cpu' | 'measure'): Promise<ServerSample>;
  stop(): Promise<void>;
}

interface Phase {
  name: string;
  /** The applications one call ran (the simulator's trace): the same on both sides, or the comparison is unfair. */
  apps: string[];
  label: string;
  load: LoadResult;
  peakUp: number;
  cpuPerCallMs: number;
  lagP99Ms: number;
  lagMaxMs: number;
  memory: { calls: number; perCallKb: number; baselineMb: number };
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startSide(kind: 'bare' | 'runtime'): Promise<Side> {
  // BENCH_NODE_OPTIONS adds flags to both sides' node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where time goes.
  const extra = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = fork(new URL('./runtime-server.ts', import.meta.url), [kind], { execArgv: ['--expose-gc', '--import', 'tsx', ...extra], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ address: Side['address']; label: string }>((resolve, reject) => {
    child.once('message', (message: { kind: string; address: Side['address']; label: string }) => resolve(message));
    child.once('exit', (code) => reject(new Error(`the ${kind} side exited with code ${code} before it was ready`)));
  });
  return {
    child,
    ...ready,
    sample: (what) =>
      new Promise((resolve) => {
        child.once('message', (message: { sample: ServerSample }) => resolve(message.sample));
        child.send({ kind: what });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ kind: 'stop' });
      }),
  };
}

/** Places calls from the simulator in a worker thread; `onUp` hears how many are up as it goes. */
async function placeCalls(address: Side['address'], callsPerSecond: number, forSeconds: number, onUp?: (up: number) => void): Promise<LoadResult | undefined> {
  const worker = new Worker(new URL('./runtime-load-worker.mjs', import.meta.url), { workerData: { address, callsPerSecond, seconds: forSeconds, script } });
  // A connection the kernel dropped from a full accept queue looks established to the simulator and waits forever
  // for `connect`: give up well after the last call should have ended.
  const deadline = setTimeout(() => void worker.terminate(), (forSeconds + (3 * holdMs) / 1000 + 30) * 1000);
  const result = await new Promise<LoadResult | undefined>((resolve, reject) => {
    worker.on('message', (message: { kind: string; up?: number; result?: LoadResult }) => {
      if (message.kind === 'progress') onUp?.(message.up ?? 0);
      else if (message.kind === 'done' && message.result) resolve(message.result);
    });
    worker.on('exit', () => resolve(undefined));
    worker.on('error', reject);
  });
  clearTimeout(deadline);
  await worker.terminate();
  return result;
}

async function runSide(kind: 'bare' | 'runtime', name: string): Promise<Phase> {
  const side = await startSide(kind);
  try {
    const probe = new SimulatedChannel(side.address, { ...script, mediaMs: 0 });
    const apps = (await probe.done).apps.map((a) => `${a.app} ${a.arg}`.trim());
    // Timed load: CPU per call from the side's own process.cpuUsage(), turnarounds from the simulator.
    const before = await side.sample('cpu');
    side.child.send({ kind: 'lag' });
    let peakUp = 0;
    const load = await placeCalls(side.address, cps, seconds, (up) => (peakUp = Math.max(peakUp, up)));
    if (!load) throw new Error(`${name}: calls still up ${3 * (holdMs / 1000) + 30} s after the last was placed (connections dropped from a full accept queue? try a lower --cps on a busy host)`);
    const after = await side.sample('cpu');
    const cpuPerCallMs = (after.cpuUs - before.cpuUs) / 1000 / Math.max(1, load.completed);
    console.log(`${name}: ${load.completed} calls, ${load.failed} failed; CPU per call ${cpuPerCallMs.toFixed(3)} ms; measuring memory…`);
    // Memory: `memoryCalls` calls placed in 60 % of one prompt, held in their welcome when the heap is read
    // after a full GC (at 80 %), against the heap after a full GC with no call up.
    const idle = await side.sample('measure');
    const placing = (holdMs * 0.6) / 1000;
    let held: ServerSample | undefined;
    const measuring = sleep(holdMs * 0.8).then(async () => (held = await side.sample('measure')));
    const memoryLoad = await placeCalls(side.address, memoryCalls / placing, placing);
    await measuring;
    if (!memoryLoad) console.log(`${name}: some memory-phase calls never got \`connect\` (accept queue overflow); heap figure kept`);
    const heldCalls = held?.calls ?? 0;
    return {
      name,
      apps,
      label: side.label,
      load,
      peakUp,
      cpuPerCallMs,
      lagP99Ms: after.lagP99Ms,
      lagMaxMs: after.lagMaxMs,
      memory: { calls: heldCalls, perCallKb: ((held?.heapUsed ?? 0) - idle.heapUsed) / 1024 / Math.max(1, heldCalls), baselineMb: idle.heapUsed / 1024 / 1024 },
    };
  } finally {
    await side.stop();
  }
}

function report(phase: Phase): string {
  const sorted = [...phase.load.turnarounds].sort((a, b) => a - b);
  return [
    `${phase.name} (${phase.label}):`,
    `  calls placed ${phase.load.placed}, completed ${phase.load.completed}, failed ${phase.load.failed}`,
    `  call setups per second ${phase.load.setupsPerSecond.toFixed(1)}, concurrent calls held (peak) ${phase.peakUp}`,
    `  event → next command p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms (${sorted.length} samples)`,
    `  CPU per call ${phase.cpuPerCallMs.toFixed(3)} ms (process.cpuUsage of its own process); event-loop lag p99 ${phase.lagP99Ms.toFixed(1)} ms, max ${phase.lagMaxMs.toFixed(1)} ms`,
    `  heap per call ${phase.memory.perCallKb.toFixed(1)} KB (${phase.memory.calls} calls held, heap after full GC; ${phase.memory.baselineMb.toFixed(1)} MB with none)`,
  ].join('\n');
}

console.log(`bench:runtime on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`load: ${cps} calls/s for ${seconds} s, two prompts of ${holdMs / 1000} s each; simulator in a worker thread; each side in its own process\n`);

const floor = await runSide('bare', 'bare drachtio-modesl app (the limit)');
console.log(report(floor));
const measured = await runSide('runtime', 'callflow runtime');
console.log(report(measured));

if (floor.apps.join('\n') !== measured.apps.join('\n')) console.log(`\nWARNING: the two sides ran different applications:\n  bare: ${floor.apps.join(' | ')}\n  runtime: ${measured.apps.join(' | ')}`);
const p99 = (phase: Phase) => percentile([...phase.load.turnarounds].sort((a, b) => a - b), 99);
const cpuRatio = measured.cpuPerCallMs / floor.cpuPerCallMs;
const p99Ratio = p99(measured) / p99(floor);
const failed = measured.load.failed + floor.load.failed;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(`\nruntime ÷ bare app, same run: CPU per call ${cpuRatio.toFixed(2)}× (target ≤ 1.3×, ${verdict(cpuRatio <= 1.3)}), p99 turnaround ${p99Ratio.toFixed(2)}× (target ≤ 1.5×, ${verdict(p99Ratio <= 1.5)}), setups ${(measured.load.setupsPerSecond / floor.load.setupsPerSecond).toFixed(2)}`);
console.log(`heap per call ${measured.memory.perCallKb.toFixed(1)} KB against the bare app's ${floor.memory.perCallKb.toFixed(1)} KB (target ≤ 60 KB, ${verdict(measured.memory.perCallKb <= 60)}); failed calls ${failed} (target 0, ${verdict(failed === 0)})`);
console.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
