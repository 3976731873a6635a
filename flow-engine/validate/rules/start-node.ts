// Rule start-node: a flow has exactly one start node, where calls enter.

import type { SemanticRule } from '../flow-context';

export const checkStartNode: SemanticRule = (ctx) => {
  const starts = ctx.nodes.filter((n) => n.node.type === 'start');
  if (starts.length === 0 && Array.isArray(ctx.doc.nodes)) {
    ctx.report.error({ rule: 'start-node', path: '/nodes', message: 'The flow has no start node; add one where calls enter.' });
  }
  for (const extra of starts.slice(1)) {
    ctx.report.error({
      rule: 'start-node',
      path: extra.path,
      nodeId: extra.id,
      message: `Node "${extra.id}" is a second start node; a flow has exactly one ("${starts[0]!.id}").`,
    });
  }
};
