// simulate(): runs one call of a flow against the simulator driver and returns its trace.

import { createActor } from 'xstate';
import { compile, type CompiledFlow } from '../compile/compile';
import type { CallEnd } from '../compile/call-context';
import type { CallMachine } from '../compile/machine-implementation';
import type { FlowDocument } from '../document';
import { bindDriver } from '../driver/bind-driver';
import type { CallDriver } from '../driver/call-driver';
import type { ResourceResolver } from '../resources';
import type { TestCase } from '../test-case';
import { DEFAULT_CALL_AT, MASK, maskEntry, SimulatedCall, type TranscriptEntry } from './simulated-call';
import { simulatorDriver } from './simulator-driver';
import { TraceRecorder, type TraceStep } from './trace-recorder';
import { SensitiveValues } from '../compile/sensitive-values';
import type { AwaitedInput, SimulatedCallOptions } from './caller-script';

export interface SimulationTrace {
  /** Node ids in visit order (subflow nodes as `subflowNode/innerNode`). */
  path: string[];
  steps: TraceStep[];
  end: CallEnd;
  /** Variables at the end; sensitive ones that hold a value show as "••••". */
  vars: Record<string, unknown>;
  transcript: TranscriptEntry[];
  /** Only with `pauseWhenInputsRunOut`: the input attempt the call stopped at for the caller's next input. */
  awaiting?: AwaitedInput;
}

export type SimulationCase = Omit<TestCase, 'expect' | 'name'> & { name?: string };

export interface SimulateOptions {
  resources?: ResourceResolver;
  /** Node visits before a runaway call is ended with reason error (default defaultMaxSteps, as on a line). */
  maxSteps?: number;
}

/** The call setup is unusable (e.g. `call.at` is not a date). */
export class SimulationSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationSetupError';
  }
}

const bound = new WeakMap<CompiledFlow, CallMachine>();

function simulatorMachine(compiled: CompiledFlow, driver: CallDriver<SimulatedCall>): CallMachine {
  if (driver !== simulatorDriver) return bindDriver(compiled.machine, driver);
  let machine = bound.get(compiled);
  if (!machine) bound.set(compiled, (machine = bindDriver(compiled.machine, simulatorDriver)));
  return machine;
}

/**
 * Start one simulated call; it may finish synchronously (the simulator answers at once) or wait on a promise.
 * `driver` replaces the simulator driver (one built on it, e.g. answering asynchronously).
 */
export function startSimulatedCall(
  compiled: CompiledFlow,
  testCase: SimulationCase,
  maxSteps?: number,
  driver: CallDriver<SimulatedCall> = simulatorDriver,
  options: SimulatedCallOptions = {},
) {
  const at = testCase.call?.at ?? DEFAULT_CALL_AT;
  const startsAt = Date.parse(at);
  if (Number.isNaN(startsAt))
    throw new SimulationSetupError(`The call time "${at}" is not a date and time such as 2026-11-23T10:00:00+08:00.`);
  const sensitive = new SensitiveValues();
  const session = new SimulatedCall(testCase.inputs ?? [], testCase.mocks ?? {}, startsAt, sensitive);
  session.options = options;
  const recorder = new TraceRecorder();
  const actor = createActor(simulatorMachine(compiled, driver), {
    input: { call: { ...testCase.call, at }, session, observer: recorder, maxSteps, sensitive },
  });
  return { actor, session, recorder };
}

/** Run a simulated call to its end. */
export async function runSimulation(
  compiled: CompiledFlow,
  testCase: SimulationCase,
  maxSteps?: number,
  driver: CallDriver<SimulatedCall> = simulatorDriver,
  options: SimulatedCallOptions = {},
): Promise<SimulationTrace> {
  const { actor, session, recorder } = startSimulatedCall(compiled, testCase, maxSteps, driver, options);
  const finished = new Promise<void>((resolve) => {
    actor.subscribe({ complete: () => resolve(), error: () => resolve() });
  });
  actor.start();
  const status = actor.getSnapshot().status;
  if (status === 'active') await finished;
  const snapshot = actor.getSnapshot();
  const last = recorder.path[recorder.path.length - 1] ?? '';
  const end: CallEnd =
    snapshot.status === 'done' && snapshot.output
      ? snapshot.output
      : {
          node: last,
          reason: 'error',
          detail: session.sensitive.mask(
            `The simulation stopped unexpectedly: ${String(snapshot.error ?? snapshot.status)}`,
          ),
        };
  const scope = snapshot.context?.scope ?? {};
  options.onVariables?.(scope);
  const vars: Record<string, unknown> = {};
  for (const name of compiled.variables) {
    const value = scope[name] ?? null;
    // A variable that is not sensitive may still hold a sensitive value an outside answer echoed back.
    vars[name] = value !== null && compiled.sensitiveVariables.has(name) ? MASK : session.sensitive.maskValue(value);
  }
  // Lines are masked as they are written, but a value can turn sensitive only after it was heard (speech stored
  // into a sensitive variable): mask once more with everything the call has seen.
  const transcript = session.transcript.map((entry) => maskEntry(entry, (text) => session.sensitive.mask(text)));
  return {
    path: recorder.path,
    steps: recorder.steps,
    end,
    vars,
    transcript,
    ...(session.awaiting ? { awaiting: session.awaiting } : {}),
  };
}

/**
 * Simulate one call of a flow: inputs are consumed one per input attempt, effects answered from the mocks.
 * @example
 * const trace = await simulate(flow, { call: { caller: '+8613800138000' }, inputs: ['1'] });
 * trace.end; // { node: 'salesQueue', reason: 'queued' }
 */
export async function simulate(
  flow: FlowDocument,
  testCase: SimulationCase,
  options: SimulateOptions = {},
): Promise<SimulationTrace> {
  return runSimulation(compile(flow, { resources: options.resources }), testCase, options.maxSteps);
}
