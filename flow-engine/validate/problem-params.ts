// Node ids in a problem's parameters, shown as a reader should see them: shared by the English renderer and the
// studio's (which must not pull the English catalogue into every page).

import type { ProblemParam } from './problem-format';

export type ProblemParams = Readonly<Record<string, ProblemParam>>;

/** Parameters that hold one node id, and the one that holds a list of node ids. */
const NODE_PARAMS = ['node', 'start'] as const;
const NODE_LIST_PARAM = 'nodes';

/**
 * Replace node ids in a problem's parameters by what a reader should see (`name(id)`), a node list becoming one
 * quoted list joined by `separator`.
 * @example
 * nodeProblemParams({ node: 'menu_x' }, (id) => 'Main menu'); // { node: 'Main menu' }
 */
export function nodeProblemParams(
  params: ProblemParams,
  name: (id: string) => string,
  separator = ', ',
  quote = (s: string) => `"${s}"`,
): Record<string, ProblemParam> {
  const out: Record<string, ProblemParam> = { ...params };
  for (const key of NODE_PARAMS) {
    const id = params[key];
    if (typeof id === 'string') out[key] = name(id);
  }
  const list = params[NODE_LIST_PARAM];
  // typeof, not Array.isArray: the latter narrows a readonly string[] to any[].
  if (typeof list === 'object') out[NODE_LIST_PARAM] = list.map((id) => quote(name(id))).join(separator);
  return out;
}
