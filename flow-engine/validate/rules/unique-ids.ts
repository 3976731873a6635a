// Rules duplicate-node-id and duplicate-edge-id: ids name exactly one node or edge.

import type { SemanticRule } from '../flow-context';

export const checkUniqueIds: SemanticRule = (ctx) => {
  for (const entry of ctx.nodes) {
    const first = ctx.nodesById.get(entry.id)!;
    if (first === entry) continue;
    ctx.report.error({
      rule: 'duplicate-node-id',
      path: `${entry.path}/id`,
      nodeId: entry.id,
      message: `Node id "${entry.id}" is used by nodes ${first.index + 1} and ${entry.index + 1}; give each node its own id.`,
    });
  }
  const edgeIds = new Map<string, number>();
  for (const { value: edge, index, path } of ctx.edges) {
    const firstIndex = edgeIds.get(edge.id);
    if (firstIndex === undefined) {
      edgeIds.set(edge.id, index);
      continue;
    }
    ctx.report.error({
      rule: 'duplicate-edge-id',
      path: `${path}/id`,
      edgeId: edge.id,
      message: `Edge id "${edge.id}" is used by edges ${firstIndex + 1} and ${index + 1}; give each edge its own id.`,
    });
  }
};
