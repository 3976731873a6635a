// Rule unreachable-node: every node can be reached from the start node.

import type { SemanticRule } from '../flow-context';

export const checkReachability: SemanticRule = (ctx) => {
  const start = ctx.nodes.find((n) => n.node.type === 'start');
  if (!start) return;
  const next = new Map<string, string[]>();
  for (const { value: edge } of ctx.edges) {
    const targets = next.get(edge.source) ?? [];
    targets.push(edge.target);
    next.set(edge.source, targets);
  }
  const seen = new Set<string>([start.id]);
  const queue = [start.id];
  for (let i = 0; i < queue.length; i++) {
    for (const target of next.get(queue[i]!) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  for (const entry of ctx.nodes) {
    // A second start node is reported by the start-node rule.
    if (seen.has(entry.id) || entry.node.type === 'start') continue;
    ctx.report.error({
      rule: 'unreachable-node',
      path: entry.path,
      nodeId: entry.id,
      code: 'unreachable-node',
      params: { node: entry.id },
    });
  }
};
