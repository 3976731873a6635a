// A node as the running machine sees it, and the port bookkeeping shared by every action.

import type { CallContext, CallEnd } from './call-context';
import { NodeFault } from './compile-error';
import type { NodeBehaviour } from './node-behaviour';

/** Internal port values (`$again`, `$next`, `$error`, `$end`) start with this; real ports never do. */
export const INTERNAL_PORT = '$';
export const ERROR_PORT = '$error';

export interface NodeRuntime {
  /** Qualified node id (`subflowNode/innerNode` inside subflows). */
  id: string;
  type: string;
  behaviour: NodeBehaviour;
  ports: ReadonlySet<string>;
  /** Ports that end the call, with how it ends (an unconnected port). */
  endings: ReadonlyMap<string, CallEnd>;
  /** A single-step effect node re-enters its own state on a retry (so it must not count a new visit). */
  flat: boolean;
}

/** Start a visit: count it, tell the observer, reset the per-node attempt state; stop a runaway call. */
export function beginVisit(call: CallContext, node: NodeRuntime): void {
  call.node = node.id;
  call.port = null;
  call.attempt = 0;
  call.failure = null;
  call.index = 0;
  call.observer.nodeEntered(node.id, node.type);
  if (!countStep(call, node.id)) call.port = ERROR_PORT;
}

/**
 * Count one step of the call (a node visit, a replayed menu) against the step limit. Returns false, with the
 * call's end set, when the limit is passed: the caller routes the call to its error ending.
 */
export function countStep(call: CallContext, nodeId: string): boolean {
  call.steps += 1;
  if (call.steps <= call.maxSteps) return true;
  call.end = {
    node: nodeId,
    reason: 'error',
    detail: `The call was ended after ${call.maxSteps} node visits without finishing; the flow probably loops (last node "${nodeId}").`,
  };
  return false;
}

/** Record the port a node chose; the state's routes then move the machine. */
export function settle(call: CallContext, node: NodeRuntime, port: string): void {
  if (port.startsWith(INTERNAL_PORT)) {
    call.port = port;
    return;
  }
  if (!node.ports.has(port)) throw new NodeFault(`chose the port "${port}", which it does not have`);
  call.port = port;
  call.observer.portTaken(node.id, port);
  const end = node.endings.get(port);
  if (end) call.end = end;
}

/** End the call with reason error, naming the node. */
export function fault(call: CallContext, node: NodeRuntime, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  // Error texts may quote data (a value, a driver's message): sensitive values never leave in them.
  call.end = { node: node.id, reason: 'error', detail: call.sensitive.mask(`Node "${node.id}": ${message}`) };
  call.port = ERROR_PORT;
}
