// Rule start-node: a flow has exactly one start node, where calls enter.

import type { SemanticRule } from '../flow-context';

export const checkStartNode: SemanticRule = (ctx) => {
  const starts = ctx.nodes.filter((n) => n.node.type === 'start');
  if (starts.length === 0 && Array.isArray(ctx.doc.nodes)) {
    ctx.report.error({ rule: 'start-node', path: '/nodes', code: 'start-node-missing', params: {} });
  }
  for (const extra of starts.slice(1)) {
    ctx.report.error({
      rule: 'start-node',
      path: extra.path,
      nodeId: extra.id,
      code: 'start-node-second',
      params: { node: extra.id, start: starts[0]!.id },
    });
  }
};
