// `npm run bench`: validate / compile times, simulated node steps per second against a bare XState machine,
// and heap per in-flight simulated call, for generated flows of 100, 1,000 and 5,000 nodes.

import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createActor, createMachine, type AnyActorRef } from 'xstate';
import { compile, type CompiledFlow } from '../flow-engine/compile';
import { bindDriver, type CallDriver } from '../flow-engine/driver';
import { runSimulation, SimulatedCall, simulatorDriver, DEFAULT_CALL_AT } from '../flow-engine/simulator';
import { validate } from '../flow-engine/validate';
import type { FlowDocument } from '../flow-engine/document';
import { generateEngineFlow, menuCount } from './generate-flow';

const sizes = [100, 1_000, 5_000];
const CONCURRENT_CALLS = 1_000;

/** `npm run bench` runs plain tsx; expose the collector at run time rather than requiring a node flag. */
function collector(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
const gc = collector();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.floor(sorted.length / 2)];
  if (value === undefined) throw new Error('median of no samples');
  return value;
}

/**
 * Validate, then compile, a fresh copy of the document per run (as `callflow compile` and publishing do:
 * compile reuses the node configs validate parsed), and compile alone of another fresh copy (as a runtime
 * loading a stored version does). Fresh copies, so no run profits from a cache filled by the run before.
 */
function timeValidateCompile(
  flow: FlowDocument,
  runs: number,
): { validate: number; compile: number; compileAlone: number } {
  const validateTimes: number[] = [];
  const compileTimes: number[] = [];
  const aloneTimes: number[] = [];
  const timed = (times: number[], fn: () => void) => {
    // Collect first so one run does not pay for the previous run's garbage.
    gc();
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  };
  for (let i = 0; i < runs; i++) {
    const doc = structuredClone(flow);
    const other = structuredClone(flow);
    timed(validateTimes, () => validate(doc));
    timed(compileTimes, () => compile(doc));
    timed(aloneTimes, () => compile(other));
  }
  return { validate: median(validateTimes), compile: median(compileTimes), compileAlone: median(aloneTimes) };
}

/** Simulated node steps per second: whole calls through the flow, for at least `ms` milliseconds. */
async function simulatedStepsPerSecond(compiled: CompiledFlow, inputs: string[], ms: number): Promise<number> {
  const testCase = { call: { caller: '+8613800138000' }, inputs };
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < ms) steps += (await runSimulation(compiled, testCase)).path.length;
  return steps / ((performance.now() - start) / 1000);
}

/** The same number of states in a bare XState v5 machine, each left by a plain event transition. */
function bareMachine(states: number) {
  const config: Record<string, object> = {};
  for (let i = 0; i < states; i++) config[`s${i}`] = i + 1 < states ? { on: { NEXT: `s${i + 1}` } } : { type: 'final' };
  return createMachine({ id: 'bare', initial: 's0', states: config });
}

function bareXStateTransitionsPerSecond(machine: ReturnType<typeof bareMachine>, states: number, ms: number): number {
  const run = () => {
    const actor = createActor(machine).start();
    for (let i = 1; i < states; i++) actor.send({ type: 'NEXT' });
    return states;
  };
  let transitions = 0;
  const start = performance.now();
  while (performance.now() - start < ms) transitions += run();
  return transitions / ((performance.now() - start) / 1000);
}

/** Heap per call for many calls paused at their first menu (the driver never answers the keypad). */
function heapPerPausedCall(compiled: CompiledFlow): number {
  const paused: CallDriver<SimulatedCall> = {
    ...simulatorDriver,
    synchronous: false,
    collect: () => new Promise(() => {}),
  };
  const machine = bindDriver(compiled.machine, paused);
  const startsAt = Date.parse(DEFAULT_CALL_AT);
  const startCall = () =>
    createActor(machine, {
      input: { call: { caller: '+8613800138000' }, session: new SimulatedCall([], {}, startsAt) },
    }).start();
  startCall().stop();
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const calls: AnyActorRef[] = [];
  for (let i = 0; i < CONCURRENT_CALLS; i++) calls.push(startCall());
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  const waiting = calls.filter((c) => c.getSnapshot().status === 'active').length;
  if (waiting !== CONCURRENT_CALLS)
    throw new Error(`only ${waiting} of ${CONCURRENT_CALLS} calls were waiting at a menu`);
  for (const call of calls) call.stop();
  return (after - before) / CONCURRENT_CALLS;
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const ROUNDS = 9;
const ROUND_MS = 300;
const spread = (values: number[]) => `${fmt(Math.min(...values) / 1000, 0)}–${fmt(Math.max(...values) / 1000, 0)}k`;

console.log(
  `Engine benchmark — Node ${process.version}, ${cpus().length} cores, load average ${(loadavg()[0] ?? NaN).toFixed(1)} at start ` +
    `(other work on the machine slows every column), ${CONCURRENT_CALLS} concurrent calls for heap\n`,
);
console.log(
  'nodes  | validate ms | compile ms | validate+compile ms | compile alone ms | sim steps/s (range)     | bare XState steps/s (range) | ratio | heap/call',
);
console.log(
  '-------|-------------|------------|---------------------|------------------|-------------------------|-----------------------------|-------|----------',
);
for (const size of sizes) {
  const flow = generateEngineFlow(size);
  const check = validate(flow);
  if (!check.valid) throw new Error(`generated flow of ${size} nodes is invalid: ${check.errors[0]?.message}`);
  const times = timeValidateCompile(flow, 9);
  const compiled = compile(structuredClone(flow));
  const inputs = Array.from({ length: menuCount(flow) }, (_, i) => (i % 2 ? '2' : '1'));
  const bare = bareMachine(size);
  // Warm both sides up (JIT, inline caches) before anything counts.
  await simulatedStepsPerSecond(compiled, inputs, ROUND_MS);
  bareXStateTransitionsPerSecond(bare, size, ROUND_MS);
  // Short rounds alternating which side goes first, medians: load from other processes hits both alike.
  const simRounds: number[] = [];
  const bareRounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2) bareRounds.push(bareXStateTransitionsPerSecond(bare, size, ROUND_MS));
    simRounds.push(await simulatedStepsPerSecond(compiled, inputs, ROUND_MS));
    if (!(round % 2)) bareRounds.push(bareXStateTransitionsPerSecond(bare, size, ROUND_MS));
  }
  const simulated = median(simRounds);
  const bareRate = median(bareRounds);
  const heap = heapPerPausedCall(compiled);
  console.log(
    [
      String(size).padEnd(6),
      fmt(times.validate).padStart(11),
      fmt(times.compile).padStart(10),
      fmt(times.validate + times.compile).padStart(19),
      fmt(times.compileAlone).padStart(16),
      `${fmt(simulated, 0)} (${spread(simRounds)})`.padStart(23),
      `${fmt(bareRate, 0)} (${spread(bareRounds)})`.padStart(27),
      `${fmt((simulated / bareRate) * 100, 0)}%`.padStart(5),
      `${fmt(heap / 1024)} KB`.padStart(9),
    ].join(' | '),
  );
}
console.log(
  `\nLoad average at the end: ${(loadavg()[0] ?? NaN).toFixed(1)}. Times are medians of 9 runs, rates medians of ${ROUNDS} rounds of ${ROUND_MS} ms.`,
);
console.log(
  'validate / compile: validate() of a fresh copy of the document, then compile() of that same copy (it reuses',
);
console.log(
  '  the node configs validate parsed, as callflow compile and publishing do); garbage collected before each.',
);
console.log('compile alone: compile() of a fresh copy nobody validated (a runtime loading a stored version).');
console.log(
  'sim steps/s: whole simulated calls through runSimulation (simulator driver, synchronous effect path, trace',
);
console.log('  and transcript recorded), every node visited once; node visits per second.');
console.log('bare XState: a machine with as many states, each left by a plain event (createActor + send per step).');
console.log('heap/call: calls paused at their first menu behind an asynchronous driver (the invoked-actor path).');
console.log(
  'Targets: validate+compile of 1,000 nodes < 50 ms; ≥ 50,000 simulated steps/s and ≥ 75% of bare XState; < 20 KB per call.',
);
