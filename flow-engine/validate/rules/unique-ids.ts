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
      code: 'duplicate-node-id',
      params: { id: entry.id, first: first.index + 1, second: entry.index + 1 },
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
      code: 'duplicate-edge-id',
      params: { edge: edge.id, first: firstIndex + 1, second: index + 1 },
    });
  }
};
