// The request one http node would send, rendered by that node's own compiled step (the code a live call runs),
// for a call in a given state: the studio's "call the real integration" proxy uses it outside any call.

import type { HttpRequest } from '../driver/call-driver';
import type { CallInfo } from './call-context';
import { setVariable } from './call-scope';
import type { CompiledFlow } from './compile';
import { NodeFault } from './compile-error';

export type HttpRequestProblem = 'unknownNode' | 'notHttp' | 'unknownVariable' | 'render';

/** Why the request could not be rendered, as one sentence; `problem` says which kind for callers that map it. */
export class HttpRequestError extends Error {
  override name = 'HttpRequestError';
  constructor(
    readonly problem: HttpRequestProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface HttpRequestSetup {
  /** Values of the flow's variables at the moment the node runs; variables left out keep their defaults. */
  vars?: Record<string, unknown>;
  call?: Partial<CallInfo>;
}

/**
 * Renders the request of the http node `nodeId` (qualified as `subflowNode/innerNode` inside subflows) with `setup`'s
 * variables and call: URL joined to the integration's base URL, query, headers, body — exactly what a driver receives.
 * @example
 * renderHttpRequest(compile(flow, { resources }), 'lookup', { vars: { orderId: '42' } }).url; // 'https://crm.example.com/orders/42'
 */
export function renderHttpRequest(compiled: CompiledFlow, nodeId: string, setup: HttpRequestSetup = {}): HttpRequest {
  const node = compiled.node(nodeId);
  if (!node) throw new HttpRequestError('unknownNode', `The flow has no node "${nodeId}".`);
  // An http node is the one whose effect is an HTTP request.
  const [step] = node.behaviour.kind === 'effects' ? node.behaviour.steps : [];
  if (step?.effect !== 'http') {
    throw new HttpRequestError('notHttp', `Node "${nodeId}" is a ${node.type} node, not an http node.`);
  }
  const call = compiled.createContext({ call: setup.call });
  call.node = nodeId;
  for (const [name, value] of Object.entries(setup.vars ?? {})) {
    if (!compiled.variables.includes(name))
      throw new HttpRequestError('unknownVariable', `The flow has no variable "${name}".`);
    try {
      setVariable(call, name, value);
    } catch (error) {
      if (error instanceof NodeFault)
        throw new HttpRequestError('render', `The variable "${name}" cannot be set: ${error.message}`);
      throw error;
    }
  }
  try {
    return step.request(call) as HttpRequest;
  } catch (error) {
    if (error instanceof NodeFault) throw new HttpRequestError('render', `Node "${nodeId}": ${error.message}`);
    throw error;
  }
}
