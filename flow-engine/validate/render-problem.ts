// Renders a problem code and its parameters as an English sentence (CLI, logs, server errors). The studio renders
// the same codes with its own catalogues; both name nodes through `nodeProblemParams`.

import { formatProblemText, type ProblemParam } from './problem-format';
import { problemMessagesEn, type ProblemCode } from './problem-messages-en';

export type ProblemParams = Readonly<Record<string, ProblemParam>>;

/** Parameters that hold one node id, and the one that holds a list of node ids. */
const NODE_PARAMS = ['node', 'start'] as const;
const NODE_LIST_PARAM = 'nodes';

export const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(problemMessagesEn, code);

/**
 * Replace node ids in a problem's parameters by what a reader should see (`name(id)`), a node list becoming one
 * quoted list joined by `separator`.
 * @example
 * nodeProblemParams({ node: 'menu_x' }, (id) => 'Main menu'); // { node: 'Main menu' }
 */
export function nodeProblemParams(params: ProblemParams, name: (id: string) => string, separator = ', ', quote = (s: string) => `"${s}"`): Record<string, ProblemParam> {
  const out: Record<string, ProblemParam> = { ...params };
  for (const key of NODE_PARAMS) {
    const id = params[key];
    if (typeof id === 'string') out[key] = name(id);
  }
  const list = params[NODE_LIST_PARAM];
  if (Array.isArray(list)) out[NODE_LIST_PARAM] = list.map((id) => quote(name(id))).join(separator);
  return out;
}

/**
 * The English sentence of a problem; node parameters shown by `name` (the id by default, as the CLI does).
 * @example
 * renderProblem('unreachable-node', { node: 'lost' }); // 'Node "lost" cannot be reached from the start node; connect it or delete it.'
 */
export function renderProblem(code: ProblemCode, params: ProblemParams, name: (id: string) => string = (id) => id): string {
  return formatProblemText(problemMessagesEn[code], nodeProblemParams(params, name));
}
