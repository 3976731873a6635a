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

const typeWords: Record<VariableDeclaration['type'], string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object or list',
};

export const checkVariables: SemanticRule = (ctx) => {
  const seen = new Map<string, number>();
  for (const { value: v, index, path } of ctx.variables) {
    const first = seen.get(v.name);
    if (first !== undefined) {
      ctx.report.error({
        rule: 'duplicate-variable',
        path: `${path}/name`,
        message: `Variable "${v.name}" is declared twice (variables ${first + 1} and ${index + 1}); keep one.`,
      });
    } else seen.set(v.name, index);
    if (FORBIDDEN_KEYS.has(v.name)) {
      // JavaScript machinery, not data: such a variable would vanish from the call's scope without a word.
      ctx.report.error({
        rule: 'reserved-variable',
        path: `${path}/name`,
        message: `Variable "${v.name}" has a name the engine cannot store (__proto__, constructor and prototype are refused); choose another name.`,
      });
    } else if (isReservedName(v.name)) {
      ctx.report.error({
        rule: 'reserved-variable',
        path: `${path}/name`,
        message: `Variable "${v.name}" has a name that expressions keep for themselves (CEL's types and words such as int, string, in); choose another name.`,
      });
    } else if (RESERVED.has(v.name)) {
      ctx.report.error({
        rule: 'reserved-variable',
        path: `${path}/name`,
        message: `Variable "${v.name}" has a reserved name: "call" holds the caller, dialed number, language and time; choose another name.`,
      });
    } else if (LOCALS.has(v.name)) {
      ctx.report.warning({
        rule: 'reserved-variable',
        path: `${path}/name`,
        message: `Variable "${v.name}" is hidden inside nodes that provide their own "${v.name}" (collect checks, HTTP outputs); consider another name.`,
      });
    }
    if (v.default !== undefined && v.type in typeWords && !matchesType(v.type, v.default)) {
      ctx.report.error({
        rule: 'variable-default-type',
        path: `${path}/default`,
        message: `Variable "${v.name}" is of type ${v.type}, so its default must be ${typeWords[v.type]}.`,
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
        message: `Node "${entry.id}" stores into "${write.name}", which is not a declared variable; declare it under variables.`,
      });
    }
  }
};
