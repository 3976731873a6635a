// The collect node's check for rule sensitive-variable (warning): digits collected as sensitive go into a variable declared sensitive.

import type { NodeCheck } from '../define-node';

export const sensitiveVariableCheck: NodeCheck<{ sensitive: boolean; variable: string }> = {
  rule: 'sensitive-variable',
  check(config, entry, ctx) {
    const declared = ctx.variablesByName.get(config.variable);
    if (!config.sensitive || !declared || declared.sensitive) return;
    ctx.report.warning({
      rule: 'sensitive-variable',
      path: `${entry.path}/config/variable`,
      nodeId: entry.id,
      code: 'sensitive-variable',
      params: { node: entry.id, variable: config.variable },
    });
  },
};
