// Rule logic-loop: a cycle made only of logic nodes (no caller input, no prompt) could spin forever.

import type { SemanticRule } from '../flow-context';
import { stronglyConnected } from '../strongly-connected';

export const checkLogicLoops: SemanticRule = (ctx) => {
  const logic = ctx.nodes.filter((n) => n.definition?.category === 'logic' && ctx.nodesById.get(n.id) === n);
  const position = new Map(logic.map((n, i) => [n.id, i]));
  const next: number[][] = logic.map(() => []);
  const selfLoop = new Set<number>();
  for (const { value: edge } of ctx.edges) {
    const from = position.get(edge.source);
    const to = position.get(edge.target);
    if (from === undefined || to === undefined) continue;
    next[from]!.push(to);
    if (from === to) selfLoop.add(from);
  }
  for (const component of stronglyConnected(logic.length, next)) {
    if (component.length === 1 && !selfLoop.has(component[0]!)) continue;
    const members = component.map((i) => logic[i]!).sort((a, b) => a.index - b.index);
    const first = members[0]!;
    const names = members.map((n) => `"${n.id}"`).join(', ');
    ctx.report.error({
      rule: 'logic-loop',
      path: first.path,
      nodeId: first.id,
      message:
        members.length === 1
          ? `Node "${first.id}" leads back to itself without waiting for the caller, so a call could loop forever; route the loop through a menu or other input step.`
          : `Nodes ${names} form a loop without any caller input, so a call could spin forever; route the loop through a menu or other input step.`,
    });
  }
};
