// Rules duplicate-variable, variable-default-type, reserved-variable and undeclared-write.

import type { VariableDeclaration } from '../../document';
import { isReservedName } from '../../expression/index';
import { FORBIDDEN_KEYS } from '../../expression/convert-values';
import type { SemanticRule } from '../flow-context';

/** Names the engine provides in every scope (`call`) or in some nodes' expressions (`value`, `response`). */
const RESERVED = new Set(['call']);
const LOCALS = new Set(['value', 'response']);

const matchesType = (type: VariableDeclaration['type'], value: unknown): boolean => {
  if (value === null) return true;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object';
  }
};

export const checkVariables: SemanticRule = (ctx) => {
  const seen = new Map<string, number>();
  for (const { value: v, index, path } of ctx.variables) {
    const first = seen.get(v.name);
    if (first !== undefined) {
      ctx.report.error({
        rule: 'duplicate-variable',
        path: `${path}/name`,
        code: 'duplicate-variable',
        params: { variable: v.name, first: first + 1, second: index + 1 },
      });
    } else seen.set(v.name, index);
    if (FORBIDDEN_KEYS.has(v.name)) {
      // JavaScript machinery, not data: such a variable would vanish from the call's scope without a word.
      ctx.report.error({
        rule: 'reserved-variable',
        path: `${path}/name`,
        code: 'reserved-variable-forbidden',
        params: { variable: v.name },
      });
    } else if (isReservedName(v.name)) {
      ctx.report.error({
        rule: 'reserved-variable',
        path: `${path}/name`,
        code: 'reserved-variable-expression',
        params: { variable: v.name },
      });
    } else if (RESERVED.has(v.name)) {
      ctx.report.error({
        rule: 'reserved-variable',
        path: `${path}/name`,
        code: 'reserved-variable-call',
        params: { variable: v.name },
      });
    } else if (LOCALS.has(v.name)) {
      ctx.report.warning({
        rule: 'reserved-variable',
        path: `${path}/name`,
        code: 'reserved-variable-local',
        params: { variable: v.name },
      });
    }
    if (
      v.default !== undefined &&
      ['string', 'number', 'boolean', 'object'].includes(v.type) &&
      !matchesType(v.type, v.default)
    ) {
      ctx.report.error({
        rule: 'variable-default-type',
        path: `${path}/default`,
        code: 'variable-default-type',
        params: { variable: v.name, type: v.type },
      });
    }
  }
  for (const entry of ctx.nodes) {
    for (const write of entry.parsed?.refs.writes ?? []) {
      if (ctx.variablesByName.has(write.name)) continue;
      ctx.report.error({
        rule: 'undeclared-write',
        path: `${entry.path}${write.path}`,
        nodeId: entry.id,
        code: 'undeclared-write',
        params: { node: entry.id, variable: write.name },
      });
    }
  }
};
