// What a node type's compile() returns: how its state decides a port, or which effects it runs to find one.

import type { EffectName } from '../driver/call-driver';
import type { CallContext } from './call-context';

/** Run the same effect again (a retry, the next survey question); the visit is not counted twice. */
export const AGAIN = '$again';
/** Go on to the node's next effect step (e.g. the survey's thank-you after the last answer). */
export const NEXT_STEP = '$next';
/** End the call here (the hangup node), with `context.end` already set. */
export const END = '$end';

/** A logic node: no effect, the port is chosen synchronously on entry. */
export interface LogicBehaviour {
  kind: 'logic';
  decide(call: CallContext): string;
}

/** One effect a node invokes and how its answer turns into a port (or AGAIN / NEXT_STEP / END). */
export interface EffectStep<Request = unknown, Output = unknown> {
  effect: EffectName;
  /** result() may return AGAIN (input retries, the next survey question). */
  repeats?: boolean;
  request(call: CallContext): Request;
  result(call: CallContext, output: Output): string;
}

/** An effect node: one or more effect steps run in order. */
export interface EffectBehaviour {
  kind: 'effects';
  steps: EffectStep[];
}

/** A subflow node: the compiler inlines the resolved flow's states. */
export interface SubflowBehaviour {
  kind: 'subflow';
  key: string;
}

export type NodeBehaviour = LogicBehaviour | EffectBehaviour | SubflowBehaviour;

/**
 * An answered bridge (queue, transfer) that the caller ended: the port is reported taken (the call was answered)
 * but the call ends here, whatever the port leads to, without a hangup effect.
 */
export function endedByCaller(call: CallContext, port: string, reason: 'queued' | 'transferred'): string {
  call.observer.portTaken(call.node, port);
  call.end = { node: call.node, reason, detail: 'The caller hung up during the bridge.' };
  return END;
}

/** Typed helper so that each step's request and output types are checked where it is written. */
export function effectStep<Request, Output>(step: EffectStep<Request, Output>): EffectStep {
  return step;
}
