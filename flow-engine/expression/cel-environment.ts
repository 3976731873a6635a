// The one shared cel-js environment: every variable is dynamic, and whole and decimal numbers mix in arithmetic.

import { Environment } from '@marcbachmann/cel-js';
import { BOUNDED_MATCHES, boundedMatches } from './bounded-matches';
import { MAX_COLLECTION_SIZE, MAX_NESTING } from './limits';

function buildEnvironment(): Environment {
  const env = new Environment({
    // Flow variables are checked by validation (against the flow's declarations), not by cel-js.
    unlistedVariablesAreDyn: true,
    homogeneousAggregateLiterals: false,
    limits: {
      maxDepth: MAX_NESTING,
      maxAstNodes: 4000,
      maxListElements: MAX_COLLECTION_SIZE,
      maxMapEntries: MAX_COLLECTION_SIZE,
      maxCallArguments: 16,
    },
  });
  // Whole JSON numbers become CEL ints and fractional ones doubles; an admin expects `price * 1.1`
  // and `total + 0.5` to work whichever one a CRM answer happened to send, so mixed arithmetic is defined.
  env
    .registerOperator('int + double', (a: bigint, b: number) => Number(a) + b)
    .registerOperator('double + int', (a: number, b: bigint) => a + Number(b))
    .registerOperator('int - double', (a: bigint, b: number) => Number(a) - b)
    .registerOperator('double - int', (a: number, b: bigint) => a - Number(b))
    .registerOperator('int * double', (a: bigint, b: number) => Number(a) * b)
    .registerOperator('double * int', (a: number, b: bigint) => a * Number(b))
    .registerOperator('int / double', (a: bigint, b: number) => Number(a) / b)
    .registerOperator('double / int', (a: number, b: bigint) => a / Number(b))
    // Registering `int == double` also gives `double == int` and both `!=`.
    .registerOperator('int == double', (a: bigint, b: number) => Number(a) === b)
    .registerFunction(`string.${BOUNDED_MATCHES}(string): bool`, boundedMatches);
  return env;
}

export const celEnvironment = buildEnvironment();

const definitions = celEnvironment.getDefinitions();

/** Names callable as `name(…)`, e.g. `size`, `int`, `has`. */
export const globalFunctionNames: ReadonlySet<string> = new Set(
  definitions.functions.filter((f) => !f.receiverType).map((f) => f.name),
);

/** Names callable as `x.name(…)`, e.g. `startsWith`, `exists`. */
export const methodNames: ReadonlySet<string> = new Set(
  definitions.functions.filter((f) => f.receiverType).map((f) => f.name),
);

/** Identifiers cel-js defines itself (type names such as `int`, the `cel` namespace): never flow variables. */
export const builtInIdentifiers: ReadonlySet<string> = new Set(definitions.variables.map((v) => v.name));

/** The list functions that iterate, with their iteration variable first (`xs.exists(x, x > 1)`). */
export const iteratingMacros: ReadonlySet<string> = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

/** Words CEL keeps for itself or refuses as names (cel-js does not export its list, so it is repeated here). */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
  '__proto__',
  'prototype',
  'constructor',
]);

/**
 * True when a flow variable may not use this name, because CEL reserves it or already defines it (type names
 * such as `int` and `string`, the `cel` namespace). Validation uses it on variable declarations.
 * @example
 * isReservedName('string') // true
 * isReservedName('orderId') // false
 */
export function isReservedName(name: string): boolean {
  return RESERVED_WORDS.has(name) || builtInIdentifiers.has(name);
}
