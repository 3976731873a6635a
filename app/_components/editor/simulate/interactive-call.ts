// One step of an interactive call: the call re-run from its start with the caller's inputs so far, stopping where the
// caller is next asked for input. Re-running the same script is what `callflow test` does, so a saved call replays
// identically.

import type { CompiledFlow } from '../../../../flow-engine/compile';
import { CallerHangupError, type CallDriver } from '../../../../flow-engine/driver/call-driver';
import {
  runSimulation,
  simulatorDriver,
  type AwaitedInput,
  type SimulatedCall,
  type SimulationTrace,
} from '../../../../flow-engine/simulator';
import type { CallSetup, CallerInput, Mocks } from '../../../../flow-engine/test-case';

export interface CallScript {
  call: CallSetup;
  inputs: CallerInput[];
  mocks: Mocks;
}

export interface InteractiveStep {
  trace: SimulationTrace;
  /** The input attempt the call waits at; undefined when the call has ended. */
  awaiting?: AwaitedInput;
  /** An http node set to "call the real integration" was reached: ask the server, then run again with its answer. */
  integration?: { node: string; vars: Record<string, unknown> };
}

/**
 * A simulator driver whose http effect stops the call at the nodes in `realNodes` (their answer comes from the
 * server, asynchronously, between two runs). Everything else is the simulator driver itself.
 */
function driverStoppingAt(realNodes: ReadonlySet<string>, reached: { node?: string }): CallDriver<SimulatedCall> {
  if (realNodes.size === 0) return simulatorDriver;
  return {
    ...simulatorDriver,
    http(request, context) {
      if (!realNodes.has(request.node)) return simulatorDriver.http(request, context);
      reached.node = request.node;
      throw new CallerHangupError('waiting for the real integration');
    },
  };
}

/**
 * Run the call as far as the script goes.
 * @example
 * const step = await runInteractive(compile(flow), { call: {}, inputs: ['2'], mocks: {} });
 * step.awaiting?.node; // 'askCardNumber'
 */
export async function runInteractive(
  compiled: CompiledFlow,
  script: CallScript,
  realNodes: ReadonlySet<string> = new Set(),
): Promise<InteractiveStep> {
  const reached: { node?: string } = {};
  // The server renders the real request from the variables as they are, not as the trace shows them (masked).
  let vars: Record<string, unknown> = {};
  const trace = await runSimulation(compiled, script, undefined, driverStoppingAt(realNodes, reached), {
    pauseWhenInputsRunOut: true,
    onVariables: (scope) => (vars = Object.fromEntries(compiled.variables.map((name) => [name, scope[name] ?? null]))),
  });
  if (reached.node) return { trace, integration: { node: reached.node, vars } };
  return { trace, ...(trace.awaiting ? { awaiting: trace.awaiting } : {}) };
}
