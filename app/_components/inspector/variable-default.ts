// A variable's default as typed in the variables panel, read as its declared type.

import type { VariableDeclaration, VariableType } from '../../../flow-engine/document';

/** The text the panel shows for a default. */
export function defaultText(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The default a typed text stands for: `{ value }` (undefined for an empty text: no default), or `{ error }`.
 * @example parseDefault('3', 'number') // { value: 3 }
 * @example parseDefault('x', 'number') // { error: 'number' }
 */
export function parseDefault(text: string, type: VariableType): { value: unknown } | { error: VariableType } {
  if (text === '') return { value: undefined };
  switch (type) {
    case 'string':
      return { value: text };
    case 'number': {
      const n = Number(text.trim());
      return text.trim() !== '' && Number.isFinite(n) ? { value: n } : { error: type };
    }
    case 'boolean':
      return text === 'true' ? { value: true } : text === 'false' ? { value: false } : { error: type };
    case 'object':
      try {
        const parsed: unknown = JSON.parse(text);
        return parsed !== null && typeof parsed === 'object' ? { value: parsed } : { error: type };
      } catch {
        return { error: type };
      }
  }
}

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A declaration with the typed default applied (an invalid default is left out until fixed). */
export function withDefault(variable: Omit<VariableDeclaration, 'default'>, text: string): VariableDeclaration {
  const parsed = parseDefault(text, variable.type);
  const out: VariableDeclaration = { ...variable };
  if ('value' in parsed && parsed.value !== undefined) out.default = parsed.value;
  return out;
}
