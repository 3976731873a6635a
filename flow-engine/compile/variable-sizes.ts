// Bounds what a call's variables hold: each value written, and all of them together (sizes kept per call).

import { expressionLimits } from '../expression';
import { NodeFault } from './compile-error';

const { MAX_NESTING, MAX_TEXT_PER_CALL, MAX_TEXT_PER_VARIABLE, MAX_VALUES_PER_CALL, MAX_VALUES_PER_VARIABLE } =
  expressionLimits;

interface Size {
  values: number;
  text: number;
}

interface CallSizes {
  byName: Map<string, Size>;
  total: Size;
}

/** Keyed by the call's scope object: one entry per running call, gone with it. */
const calls = new WeakMap<object, CallSizes>();

const fmt = (n: number) => n.toLocaleString('en-US');

/** Size of a value, or null as soon as it passes the per-variable limits (the walk stops there). */
function measure(value: unknown): Size | null {
  const size: Size = { values: 0, text: 0 };
  const walk = (v: unknown, depth: number): boolean => {
    size.values += 1;
    if (typeof v === 'string') size.text += v.length;
    else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_NESTING) return false;
      const items = Array.isArray(v) ? v : Object.values(v);
      for (const item of items) if (!walk(item, depth + 1)) return false;
    }
    return size.values <= MAX_VALUES_PER_VARIABLE && size.text <= MAX_TEXT_PER_VARIABLE;
  };
  return walk(value, 0) ? size : null;
}

/**
 * Refuse a write that would make one variable, or the call's variables together, larger than the limits.
 * Throws a NodeFault, which ends the call with reason `error` naming the node.
 * @example
 * checkVariableWrite(call.scope, 'orders', value); // throws when `value` holds over 10,000 values
 */
export function checkVariableWrite(scope: object, name: string, value: unknown): void {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || value === undefined) {
    forget(scope, name);
    return;
  }
  const size = measure(value);
  if (!size) {
    throw new NodeFault(
      `the value for "${name}" is too large to keep (a variable holds at most ${fmt(MAX_VALUES_PER_VARIABLE)} values and ${fmt(MAX_TEXT_PER_VARIABLE)} characters of text)`,
    );
  }
  let sizes = calls.get(scope);
  if (!sizes) calls.set(scope, (sizes = { byName: new Map(), total: { values: 0, text: 0 } }));
  const before = sizes.byName.get(name) ?? { values: 0, text: 0 };
  const values = sizes.total.values - before.values + size.values;
  const text = sizes.total.text - before.text + size.text;
  if (values > MAX_VALUES_PER_CALL || text > MAX_TEXT_PER_CALL) {
    throw new NodeFault(
      `storing "${name}" would make the call's variables hold more than ${fmt(MAX_VALUES_PER_CALL)} values or ${fmt(MAX_TEXT_PER_CALL)} characters of text in all`,
    );
  }
  sizes.byName.set(name, size);
  sizes.total = { values, text };
}

function forget(scope: object, name: string): void {
  const sizes = calls.get(scope);
  const before = sizes?.byName.get(name);
  if (!sizes || !before) return;
  sizes.byName.delete(name);
  sizes.total = { values: sizes.total.values - before.values, text: sizes.total.text - before.text };
}
