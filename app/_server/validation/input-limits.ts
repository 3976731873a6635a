// Checks a whole request input (any JSON value) before any procedure sees it: nesting depth and text PostgreSQL can store.

import 'server-only';
import { isStorableText } from './input-rules';

/** Deeper than any flow document needs (a prompt part inside a node config is about 8 levels down). */
export const maxInputDepth = 100;

export type InputPath = (string | number)[];

export interface InputProblem {
  kind: 'unstorable' | 'tooDeep';
  path: InputPath;
  message: string;
}

/** `nodes[3].config.prompt`, or "the input" (the `subject`) at the top. */
export function describeInputPath(path: InputPath, subject = 'input'): string {
  if (path.length === 0) return `the ${subject}`;
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/**
 * The first problem in `value`, or null: nesting deeper than `maxDepth`, or text (a value or a key) with a NUL
 * character or a lone surrogate, which PostgreSQL refuses. Iterative, so a hostile 100,000-deep input cannot
 * exhaust the stack.
 */
export function findInputProblem(value: unknown, subject = 'input', maxDepth = maxInputDepth): InputProblem | null {
  const unstorable = (path: InputPath) => `The text at ${describeInputPath(path, subject)} ${unstorableReason}`;
  const pending: { value: unknown; path: InputPath }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (typeof current.value === 'string') {
      if (!isStorableText(current.value))
        return { kind: 'unstorable', path: current.path, message: unstorable(current.path) };
      continue;
    }
    if (typeof current.value !== 'object' || current.value === null) continue;
    if (current.path.length >= maxDepth) {
      const under = describeInputPath(current.path.slice(0, 5), subject);
      return {
        kind: 'tooDeep',
        path: current.path.slice(0, 5),
        message: `The ${subject} is nested more than ${maxDepth} levels deep (under ${under}); nothing was saved.`,
      };
    }
    if (Array.isArray(current.value)) {
      current.value.forEach((item, index) => pending.push({ value: item, path: [...current.path, index] }));
      continue;
    }
    for (const [key, item] of Object.entries(current.value)) {
      const path = [...current.path, key];
      if (!isStorableText(key))
        return {
          kind: 'unstorable',
          path: current.path,
          message: `A field name in ${describeInputPath(current.path, subject)} ${unstorableReason}`,
        };
      pending.push({ value: item, path });
    }
  }
  return null;
}

const unstorableReason =
  'contains a NUL character or a broken character (half of a UTF-16 pair), which cannot be stored; remove it and try again.';
