// The loops a set of nodes can form among themselves, for the rules that flag loops without caller input.

import type { FlowContext, NodeEntry } from './flow-context';
import { stronglyConnected } from './strongly-connected';

/**
 * Each cycle made only of `members` (following the flow's edges), its nodes in document order; a node linked to
 * itself is a cycle of one.
 * @example
 * loopsAmong(ctx, logicNodes); // [[checkTier, retry]]
 */
export function loopsAmong(ctx: FlowContext, members: readonly NodeEntry[]): NodeEntry[][] {
  const position = new Map(members.map((n, i) => [n.id, i]));
  const next: number[][] = members.map(() => []);
  const selfLoop = new Set<number>();
  for (const { value: edge } of ctx.edges) {
    const from = position.get(edge.source);
    const to = position.get(edge.target);
    if (from === undefined || to === undefined) continue;
    next[from]!.push(to);
    if (from === to) selfLoop.add(from);
  }
  return stronglyConnected(members.length, next)
    .filter((component) => component.length > 1 || selfLoop.has(component[0]!))
    .map((component) => component.map((i) => members[i]!).sort((a, b) => a.index - b.index));
}
