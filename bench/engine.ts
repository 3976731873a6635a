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
  return sorted[Math.floor(sorted.length / 2)];
}

function timeRuns(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Collect first so one run does not pay for the previous run's garbage.
    gc();
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Simulated node steps per second: whole calls through the flow, for at least `ms` milliseconds. */
async function simulatedStepsPerSecond(compiled: CompiledFlow, inputs: string[], ms: number): Promise<number> {
  const testCase = { call: { caller: '+8613800138000' }, inputs };
  for (let i = 0; i < 3; i++) await runSimulation(compiled, testCase);
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < ms) steps += (await runSimulation(compiled, testCase)).path.length;
  return steps / ((performance.now() - start) / 1000);
}

/** The same number of states in a bare XState v5 machine, each left by a plain event transition. */
function bareXStateTransitionsPerSecond(states: number, ms: number): number {
  const config: Record<string, object> = {};
  for (let i = 0; i < states; i++) config[`s${i}`] = i + 1 < states ? { on: { NEXT: `s${i + 1}` } } : { type: 'final' };
  const machine = createMachine({ id: 'bare', initial: 's0', states: config });
  const run = () => {
    const actor = createActor(machine).start();
    for (let i = 1; i < states; i++) actor.send({ type: 'NEXT' });
    return states;
  };
  for (let i = 0; i < 3; i++) run();
  let transitions = 0;
  const start = performance.now();
  while (performance.now() - start < ms) transitions += run();
  return transitions / ((performance.now() - start) / 1000);
}

/** Heap per call for many calls paused at their first menu (the driver never answers the keypad). */
function heapPerPausedCall(compiled: CompiledFlow): number {
  const paused: CallDriver<SimulatedCall> = { ...simulatorDriver, synchronous: false, collect: () => new Promise(() => {}) };
  const machine = bindDriver(compiled.machine, paused);
  const startsAt = Date.parse(DEFAULT_CALL_AT);
  const startCall = () =>
    createActor(machine, { input: { call: { caller: '+8613800138000' }, session: new SimulatedCall([], {}, startsAt) } }).start();
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
  if (waiting !== CONCURRENT_CALLS) throw new Error(`only ${waiting} of ${CONCURRENT_CALLS} calls were waiting at a menu`);
  for (const call of calls) call.stop();
  return (after - before) / CONCURRENT_CALLS;
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(
  `Engine benchmark — Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} ` +
    `(other work on the machine slows every column), ${CONCURRENT_CALLS} concurrent calls for heap\n`,
);
console.log('nodes  | validate ms | compile ms | validate+compile ms | sim steps/s | bare XState steps/s | ratio | heap/call');
console.log('-------|-------------|------------|---------------------|-------------|---------------------|-------|----------');
for (const size of sizes) {
  const flow = generateEngineFlow(size);
  const check = validate(flow);
  if (!check.valid) throw new Error(`generated flow of ${size} nodes is invalid: ${check.errors[0]?.message}`);
  const validateMs = timeRuns(7, () => validate(flow));
  const compileMs = timeRuns(7, () => compile(flow));
  const compiled = compile(flow);
  const inputs = Array.from({ length: menuCount(flow) }, (_, i) => (i % 2 ? '2' : '1'));
  // Alternate short rounds and take medians, so that load from other processes hits both sides alike.
  const simRounds: number[] = [];
  const bareRounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    simRounds.push(await simulatedStepsPerSecond(compiled, inputs, 300));
    bareRounds.push(bareXStateTransitionsPerSecond(size, 300));
  }
  const simulated = median(simRounds);
  const bare = median(bareRounds);
  const heap = heapPerPausedCall(compiled);
  console.log(
    [
      String(size).padEnd(6),
      fmt(validateMs).padStart(11),
      fmt(compileMs).padStart(10),
      fmt(validateMs + compileMs).padStart(19),
      fmt(simulated, 0).padStart(11),
      fmt(bare, 0).padStart(19),
      `${fmt((simulated / bare) * 100, 0)}%`.padStart(5),
      `${fmt(heap / 1024)} KB`.padStart(9),
    ].join(' | '),
  );
}
console.log('\nsim steps/s: whole simulated calls (simulator driver, synchronous effect path), every node visited once.');
console.log('bare XState: a machine with as many states, each left by a plain event (createActor + send).');
console.log('heap/call: calls paused at their first menu behind an asynchronous driver (the invoked-actor path).');
console.log('Targets: validate+compile of 1,000 nodes < 50 ms; ≥ 50,000 simulated steps/s and ≥ 75% of bare XState; < 20 KB per call.');
