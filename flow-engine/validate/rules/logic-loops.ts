// Rule logic-loop: a cycle made only of logic nodes (no caller input, no prompt) could spin forever.

import type { SemanticRule } from '../flow-context';
import { loopsAmong } from '../loops-among';

export const checkLogicLoops: SemanticRule = (ctx) => {
  const logic = ctx.nodes.filter((n) => n.definition?.category === 'logic' && ctx.nodesById.get(n.id) === n);
  for (const members of loopsAmong(ctx, logic)) {
    const first = members[0]!;
    ctx.report.error({
      rule: 'logic-loop',
      path: first.path,
      nodeId: first.id,
      ...(members.length === 1
        ? { code: 'logic-loop-self', params: { node: first.id } }
        : { code: 'logic-loop', params: { nodes: members.map((n) => n.id) } }),
    });
  }
};
