// How problems and other sentences name a node (the engine's nodeNamer), and the nodes of a flow file not yet imported.

import type { NamedNode } from '../../../../flow-engine/node-names';

export { nodeNamer, type NamedNode } from '../../../../flow-engine/node-names';

/** The nodes of a flow file's text, for naming them before it is imported (none when it does not parse). */
export function nodesInJson(json: string): NamedNode[] {
  try {
    const nodes: unknown = (JSON.parse(json) as { nodes?: unknown } | null)?.nodes;
    if (!Array.isArray(nodes)) return [];
    return nodes.filter(
      (n): n is NamedNode =>
        typeof n === 'object' &&
        n !== null &&
        typeof (n as NamedNode).id === 'string' &&
        typeof (n as NamedNode).type === 'string' &&
        ((n as NamedNode).label === undefined || typeof (n as NamedNode).label === 'string'),
    );
  } catch {
    return [];
  }
}
