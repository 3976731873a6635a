// `npm run bench:runtime`: calls through the ESL simulator over loopback TCP into the runtime, and into a bare
// drachtio-modesl app answering the same frames; each side in its own process, so its CPU and heap are its own.
// Flags: --cps N (default 100) --seconds N (default 60) --hold SECONDS, the length of each of the two spoken prompts
// (default 10: 100 cps × 20 s ≈ 2,000 calls up at once), --memory-calls N (default 600: calls held at once while
// the heap is measured), --rounds N (default 4: each side's timed load is split into N rounds of seconds/N, the two sides
// taking turns, so the other processes' load falls on both alike), --warmup SECONDS (default 10: untimed load on each
// side first, so the JIT's compiling of a cold process is not counted as the calls' CPU).

import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { SimulatedChannel, type CallerScript, type LoadResult } from '../runtime/esl-simulator';
import type { ServerSample } from './runtime-server';

const { values } = parseArgs({
  options: {
    cps: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    hold: { type: 'string', default: '10' },
    'memory-calls': { type: 'string', default: '600' },
    rounds: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '10' },
  },
});
const cps = Number(values.cps);
const seconds = Number(values.seconds);
const holdMs = Number(values.hold) * 1000;
const memoryCalls = Number(values['memory-calls']);
const rounds = Math.max(1, Math.round(Number(values.rounds)));
const warmupSeconds = Number(values.warmup);
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
  systemPerCallMs: number;
  lagP99Ms: number;
  lagMaxMs: number;
  memory: { calls: number; perCallKb: number; baselineMb: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startSide(kind: 'bare' | 'runtime'): Promise<Side> {
  // BENCH_NODE_OPTIONS adds flags to both sides' node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where time goes.
  const extra = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = fork(new URL('./runtime-server.ts', import.meta.url), [kind], {
    execArgv: ['--expose-gc', '--import', 'tsx', ...extra],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
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
async function placeCalls(
  address: Side['address'],
  callsPerSecond: number,
  forSeconds: number,
  onUp?: (up: number) => void,
): Promise<LoadResult | undefined> {
  const worker = new Worker(new URL('./runtime-load-worker.mjs', import.meta.url), {
    workerData: { address, callsPerSecond, seconds: forSeconds, script },
  });
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

/** One side's load figures summed over its rounds. */
interface Timed {
  load: LoadResult;
  peakUp: number;
  cpuUs: number;
  systemUs: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** Rounds summed so far (the setup rate is their mean). */
  rounds: number;
}

/** One round of timed load on a side: its own process.cpuUsage() before and after, turnarounds from the simulator. */
async function timedRound(side: Side, name: string, forSeconds: number, total: Timed | undefined): Promise<Timed> {
  const before = await side.sample('cpu');
  side.child.send({ kind: 'lag', on: true });
  let peakUp = 0;
  const load = await placeCalls(side.address, cps, forSeconds, (up) => (peakUp = Math.max(peakUp, up)));
  if (!load)
    throw new Error(
      `${name}: calls still up ${3 * (holdMs / 1000) + 30} s after the last was placed (connections dropped from a full accept queue? try a lower --cps on a busy host)`,
    );
  const after = await side.sample('cpu');
  side.child.send({ kind: 'lag', on: false });
  const cpuUs = after.cpuUs - before.cpuUs;
  const systemUs = after.systemUs - before.systemUs;
  if (!total) return { load, peakUp, cpuUs, systemUs, lagP99Ms: after.lagP99Ms, lagMaxMs: after.lagMaxMs, rounds: 1 };
  return {
    load: {
      placed: total.load.placed + load.placed,
      completed: total.load.completed + load.completed,
      failed: total.load.failed + load.failed,
      peakConcurrent: Math.max(total.load.peakConcurrent, load.peakConcurrent),
      setupsPerSecond: (total.load.setupsPerSecond * total.rounds + load.setupsPerSecond) / (total.rounds + 1),
      turnarounds: total.load.turnarounds.concat(load.turnarounds),
    },
    peakUp: Math.max(total.peakUp, peakUp),
    cpuUs: total.cpuUs + cpuUs,
    systemUs: total.systemUs + systemUs,
    // The lag monitor is reset for each round: the worst round's figures are the side's.
    lagP99Ms: Math.max(total.lagP99Ms, after.lagP99Ms),
    lagMaxMs: Math.max(total.lagMaxMs, after.lagMaxMs),
    rounds: total.rounds + 1,
  };
}

/** Memory: `memoryCalls` calls placed in 60 % of one prompt, held in their welcome when the heap is read after a full GC (at 80 %), against the heap after a full GC with no call up. */
async function measureMemory(side: Side, name: string): Promise<Phase['memory']> {
  const idle = await side.sample('measure');
  const placing = (holdMs * 0.6) / 1000;
  let held: ServerSample | undefined;
  const measuring = sleep(holdMs * 0.8).then(async () => (held = await side.sample('measure')));
  const memoryLoad = await placeCalls(side.address, memoryCalls / placing, placing);
  await measuring;
  if (!memoryLoad)
    console.log(`${name}: some memory-phase calls never got \`connect\` (accept queue overflow); heap figure kept`);
  const heldCalls = held?.calls ?? 0;
  return {
    calls: heldCalls,
    perCallKb: ((held?.heapUsed ?? 0) - idle.heapUsed) / 1024 / Math.max(1, heldCalls),
    baselineMb: idle.heapUsed / 1024 / 1024,
  };
}

/**
 * Both sides up at once, the timed load placed on them in alternating rounds (bare, runtime, runtime, bare, …), so a
 * change in the machine's other load falls on both sides alike; then each side's memory on its own.
 */
async function runBoth(names: { bare: string; runtime: string }): Promise<{ bare: Phase; runtime: Phase }> {
  const sides = { bare: await startSide('bare'), runtime: await startSide('runtime') };
  try {
    const apps = { bare: [] as string[], runtime: [] as string[] };
    for (const kind of ['bare', 'runtime'] as const) {
      const probe = new SimulatedChannel(sides[kind].address, { ...script, mediaMs: 0 });
      apps[kind] = (await probe.done).apps.map((a) => `${a.app} ${a.arg}`.trim());
    }
    // A cold process runs its code in the interpreter and spends CPU compiling it (the runtime has far more code than the
    // bare app): that one-time cost is not the CPU a call costs, so each side first takes untimed load.
    if (warmupSeconds > 0) {
      for (const kind of ['bare', 'runtime'] as const) {
        const before = await sides[kind].sample('cpu');
        const warm = await placeCalls(sides[kind].address, cps, warmupSeconds);
        const after = await sides[kind].sample('cpu');
        console.log(
          warm
            ? `warm-up ${kind}: ${warm.completed} calls, CPU per call ${((after.cpuUs - before.cpuUs) / 1000 / Math.max(1, warm.completed)).toFixed(3)} ms (not counted)`
            : `warm-up ${kind}: some calls never got \`connect\` (accept queue overflow on a busy host); ${((after.cpuUs - before.cpuUs) / 1000).toFixed(0)} ms of CPU (not counted)`,
        );
      }
    }
    const totals: { bare?: Timed; runtime?: Timed } = {};
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['bare', 'runtime'] as const) : (['runtime', 'bare'] as const);
      for (const kind of order) {
        const before = totals[kind];
        totals[kind] = await timedRound(sides[kind], names[kind], seconds / rounds, before);
        const t = totals[kind];
        const calls = t.load.completed - (before?.load.completed ?? 0);
        const cpuMs = (t.cpuUs - (before?.cpuUs ?? 0)) / 1000;
        console.log(
          `round ${round + 1}/${rounds} ${kind}: ${calls} calls, ${t.load.failed - (before?.load.failed ?? 0)} failed, CPU per call ${(cpuMs / Math.max(1, calls)).toFixed(3)} ms; load average ${(os.loadavg()[0] ?? NaN).toFixed(1)}`,
        );
      }
    }
    const phase = async (kind: 'bare' | 'runtime'): Promise<Phase> => {
      const t = totals[kind]!;
      console.log(`${names[kind]}: measuring memory…`);
      return {
        name: names[kind],
        apps: apps[kind],
        label: sides[kind].label,
        load: t.load,
        peakUp: t.peakUp,
        cpuPerCallMs: t.cpuUs / 1000 / Math.max(1, t.load.completed),
        systemPerCallMs: t.systemUs / 1000 / Math.max(1, t.load.completed),
        lagP99Ms: t.lagP99Ms,
        lagMaxMs: t.lagMaxMs,
        memory: await measureMemory(sides[kind], names[kind]),
      };
    };
    return { bare: await phase('bare'), runtime: await phase('runtime') };
  } finally {
    await Promise.all([sides.bare.stop(), sides.runtime.stop()]);
  }
}

function report(phase: Phase): string {
  const sorted = [...phase.load.turnarounds].sort((a, b) => a - b);
  return [
    `${phase.name} (${phase.label}):`,
    `  calls placed ${phase.load.placed}, completed ${phase.load.completed}, failed ${phase.load.failed}`,
    `  call setups per second ${phase.load.setupsPerSecond.toFixed(1)}, concurrent calls held (peak) ${phase.peakUp}`,
    `  event → next command p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms (${sorted.length} samples)`,
    `  CPU per call ${phase.cpuPerCallMs.toFixed(3)} ms (process.cpuUsage of its own process; ${phase.systemPerCallMs.toFixed(3)} ms of it in the kernel); event-loop lag p99 ${phase.lagP99Ms.toFixed(1)} ms, max ${phase.lagMaxMs.toFixed(1)} ms`,
    phase.memory.calls > 0
      ? `  heap per call ${phase.memory.perCallKb.toFixed(1)} KB (${phase.memory.calls} calls held, heap after full GC; ${phase.memory.baselineMb.toFixed(1)} MB with none)`
      : `  heap per call not measured: no call was up when the heap was read (the machine too busy to connect them in time; try a longer --hold)`,
  ].join('\n');
}

console.log(
  `bench:runtime on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `load: ${cps} calls/s for ${seconds} s per side in ${rounds} alternating rounds after ${warmupSeconds} s of warm-up, two prompts of ${holdMs / 1000} s each; simulator in a worker thread; each side in its own process\n`,
);

const { bare: floor, runtime: measured } = await runBoth({
  bare: 'bare drachtio-modesl app (the limit)',
  runtime: 'callflow runtime',
});
console.log(`\n${report(floor)}`);
console.log(report(measured));

if (floor.apps.join('\n') !== measured.apps.join('\n'))
  console.log(
    `\nWARNING: the two sides ran different applications:\n  bare: ${floor.apps.join(' | ')}\n  runtime: ${measured.apps.join(' | ')}`,
  );
const p99 = (phase: Phase) =>
  percentile(
    [...phase.load.turnarounds].sort((a, b) => a - b),
    99,
  );
const cpuRatio = measured.cpuPerCallMs / floor.cpuPerCallMs;
const p99Ratio = p99(measured) / p99(floor);
const failed = measured.load.failed + floor.load.failed;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(
  `\nruntime ÷ bare app, same run: CPU per call ${cpuRatio.toFixed(2)}× (target ≤ 1.3×, ${verdict(cpuRatio <= 1.3)}), p99 turnaround ${p99Ratio.toFixed(2)}× (target ≤ 1.5×, ${verdict(p99Ratio <= 1.5)}), setups ${(measured.load.setupsPerSecond / floor.load.setupsPerSecond).toFixed(2)}`,
);
const heapKnown = measured.memory.calls > 0 && floor.memory.calls > 0;
console.log(
  heapKnown
    ? `heap per call ${measured.memory.perCallKb.toFixed(1)} KB against the bare app's ${floor.memory.perCallKb.toFixed(1)} KB (target ≤ 60 KB, ${verdict(measured.memory.perCallKb <= 60)}); failed calls ${failed} (target 0, ${verdict(failed === 0)})`
    : `heap per call not measured (no call held on one side); failed calls ${failed} (target 0, ${verdict(failed === 0)})`,
);
console.log(
  `load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
