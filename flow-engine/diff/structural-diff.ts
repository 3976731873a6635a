// A small iterative structural diff of JSON values: leaf-level changes keyed by JSON pointer.

import { appendPointer } from './json-pointer';

/** One difference between two JSON values. `before` is absent when added, `after` when removed. */
export type ValueChange =
  | { kind: 'added'; path: string; after: unknown }
  | { kind: 'removed'; path: string; before: unknown }
  | { kind: 'changed'; path: string; before: unknown; after: unknown };

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Compare two JSON values and list what differs, deepest first-differing path per change.
 * Arrays compare by index (a longer array reports its extra items as added or removed);
 * a value whose shape changes (object ↔ array ↔ scalar) is reported once, whole.
 * Iterative (explicit stack), so deep documents cannot overflow the call stack.
 * @example
 * structuralDiff({ options: [{ key: '1' }] }, { options: [{ key: '2' }] }, '/config');
 * // [{ kind: 'changed', path: '/config/options/0/key', before: '1', after: '2' }]
 */
export function structuralDiff(before: unknown, after: unknown, basePath = ''): ValueChange[] {
  const changes: ValueChange[] = [];
  const stack: { path: string; a: unknown; b: unknown }[] = [{ path: basePath, a: before, b: after }];
  while (stack.length > 0) {
    const { path, a, b } = stack.pop()!;
    if (a === b) continue;
    if (a === undefined) {
      changes.push({ kind: 'added', path, after: b });
    } else if (b === undefined) {
      changes.push({ kind: 'removed', path, before: a });
    } else if (Array.isArray(a) && Array.isArray(b)) {
      // Pushed in reverse so that changes come out in document order.
      for (let i = Math.max(a.length, b.length) - 1; i >= 0; i--) {
        stack.push({
          path: appendPointer(path, i),
          a: i < a.length ? a[i] : undefined,
          b: i < b.length ? b[i] : undefined,
        });
      }
    } else if (isObject(a) && isObject(b)) {
      const keys = Object.keys(a);
      for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) keys.push(key);
      for (const key of keys.toReversed()) {
        stack.push({
          path: appendPointer(path, key),
          a: Object.hasOwn(a, key) ? a[key] : undefined,
          b: Object.hasOwn(b, key) ? b[key] : undefined,
        });
      }
    } else {
      changes.push({ kind: 'changed', path, before: a, after: b });
    }
  }
  return changes;
}
