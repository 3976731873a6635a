// Converts flow values to what cel-js reads (whole numbers → BigInt, prototype-free maps) and results back to plain JSON-like JS.

import { ExpressionProblem } from './errors';
import { MAX_COLLECTION_SIZE, MAX_NESTING, MAX_TEXT_PER_VARIABLE, MAX_VALUES_PER_VARIABLE } from './limits';

/** Keys never copied in or out: they name JavaScript machinery, not data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// Budget for the variable being converted. Module state is safe: conversion is synchronous and never re-entered.
let valuesLeft = 0;
let textLeft = 0;
let variableName = '';
let variableOffset = 0;

/**
 * Copy one scope variable into cel-js form. Bounded: a variable holding more than the limits is refused
 * (so list functions never iterate over huge data), and objects come out without a prototype so that no
 * expression can reach `Object.prototype`.
 * @example
 * toCelVariable('crm', { orders: [1, 2] }, 0) // { orders: [1n, 2n] } with a null prototype
 */
export function toCelVariable(name: string, value: unknown, offset: number): unknown {
  // Primitives are the common case on the hot path: no budget bookkeeping needed.
  switch (typeof value) {
    case 'string':
      if (value.length > MAX_TEXT_PER_VARIABLE) throw tooLarge(name, offset);
      return value;
    case 'number':
      return Number.isSafeInteger(value) ? BigInt(value) : value;
    case 'boolean':
      return value;
    case 'undefined':
      return null;
  }
  valuesLeft = MAX_VALUES_PER_VARIABLE;
  textLeft = MAX_TEXT_PER_VARIABLE;
  variableName = name;
  variableOffset = offset;
  return toCel(value, 0);
}

function toCel(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      textLeft -= value.length;
      if (textLeft < 0) throw tooLarge(variableName, variableOffset);
      return value;
    case 'number':
      return Number.isSafeInteger(value) ? BigInt(value) : value;
    case 'boolean':
    case 'bigint':
      return value;
    case 'undefined':
      return null;
    case 'object':
      if (value === null) return null;
      if (depth > MAX_NESTING) {
        throw new ExpressionProblem(
          `Variable '${variableName}' is nested more than ${MAX_NESTING} levels deep, which is too deep for expressions`,
          'value-too-large',
          variableOffset,
        );
      }
      return objectToCel(value, depth + 1);
    default:
      throw new ExpressionProblem(
        `Variable '${variableName}' holds a ${typeof value}, which expressions cannot read`,
        'unsupported-value',
        variableOffset,
      );
  }
}

function objectToCel(value: object, depth: number): unknown {
  if (Array.isArray(value)) {
    spend(value.length);
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toCel(value[i], depth);
    return out;
  }
  if (value instanceof Date || value instanceof Uint8Array) return value;
  const out = Object.create(null) as Record<string, unknown>;
  let size = 0;
  if (isPlainObject(value)) {
    // for…in instead of Object.entries: no per-entry arrays on the hot path (`call` is read on every step).
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key) || FORBIDDEN_KEYS.has(key)) continue;
      const item = record[key];
      if (item === undefined) continue;
      size++;
      out[key] = toCel(item, depth);
    }
  } else if (value instanceof Map) {
    for (const [key, item] of value) {
      if (typeof key !== 'string' || FORBIDDEN_KEYS.has(key) || item === undefined) continue;
      size++;
      out[key] = toCel(item, depth);
    }
  } else {
    throw new ExpressionProblem(
      `Variable '${variableName}' holds a ${value.constructor?.name ?? 'object'} object, which expressions cannot read`,
      'unsupported-value',
      variableOffset,
    );
  }
  spend(size);
  return out;
}

function spend(size: number): void {
  if (size > MAX_COLLECTION_SIZE) {
    throw new ExpressionProblem(
      `Variable '${variableName}' holds a list or map with more than ${MAX_COLLECTION_SIZE} entries, which is too large for expressions`,
      'value-too-large',
      variableOffset,
    );
  }
  valuesLeft -= size;
  if (valuesLeft < 0) throw tooLarge(variableName, variableOffset);
}

function tooLarge(name: string, offset: number): ExpressionProblem {
  return new ExpressionProblem(
    `Variable '${name}' is too large for expressions (at most ${MAX_VALUES_PER_VARIABLE} values and ${MAX_TEXT_PER_VARIABLE} characters of text)`,
    'value-too-large',
    offset,
  );
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Turn a cel-js result into plain JS: ints become numbers, maps plain objects, timestamps ISO strings.
 * @example
 * fromCel([1n, { a: 2n }]) // [1, { a: 2 }]
 */
export function fromCel(value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return Number(value);
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return value.map(fromCel);
      if (value instanceof Date) return value.toISOString();
      if (value instanceof Uint8Array) {
        throw new ExpressionProblem(
          'The result is bytes, which a flow cannot store; convert it with string(…)',
          'unsupported-value',
          undefined,
        );
      }
      if (value instanceof Map || isPlainObject(value)) return mapFromCel(value);
      // UnsignedInt becomes a number; Duration and type values print themselves ("3600s", "Type<int>" → "int").
      if (typeof value.valueOf() === 'bigint') return Number(value.valueOf());
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- CEL's Duration and Type values define toString ("3600s", "Type<int>")
      return String(value).replace(/^Type<(.+)>$/, '$1');
    default:
      return null;
  }
}

function mapFromCel(value: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries = value instanceof Map ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    const name = String(key);
    if (!FORBIDDEN_KEYS.has(name)) out[name] = fromCel(item);
  }
  return out;
}
