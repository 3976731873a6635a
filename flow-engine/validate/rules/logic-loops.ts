// Rule logic-loop: a cycle made only of logic nodes (no caller input, no prompt) could spin forever.

import type { SemanticRule } from '../flow-context';
import { loopsAmong } from '../loops-among';

export const checkLogicLoops: SemanticRule = (ctx) => {
  const logic = ctx.nodes.filter((n) => n.definition?.category === 'logic' && ctx.nodesById.get(n.id) === n);
  for (const members of loopsAmong(ctx, logic)) {
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
