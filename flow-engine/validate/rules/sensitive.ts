// Rule sensitive-variable (warning): digits collected as sensitive go into a variable declared sensitive.

import type { SemanticRule } from '../flow-context';

export const checkSensitive: SemanticRule = (ctx) => {
  for (const entry of ctx.nodes) {
    if (entry.node.type !== 'collect' || !entry.parsed) continue;
    const config = entry.parsed.config as { sensitive: boolean; variable: string };
    const declared = ctx.variablesByName.get(config.variable);
    if (!config.sensitive || !declared || declared.sensitive) continue;
    ctx.report.warning({
      rule: 'sensitive-variable',
      path: `${entry.path}/config/variable`,
      nodeId: entry.id,
      code: 'sensitive-variable',
      params: { node: entry.id, variable: config.variable },
    });
  }
};
