// The names a `{{ }}` template or a CEL expression may read on a node: the flow's variables, `call.*` and the node's locals.

import type { FlowDocument } from '../../../../flow-engine/document';

/** Fields of the built-in `call` variable (flow-engine CallInfo). */
export const callFields = ['call.caller', 'call.dialed', 'call.language', 'call.at'] as const;

export interface ScopeName {
  name: string;
  /** Declared type, or `local` / `call` for names the engine provides. */
  kind: string;
  sensitive?: boolean;
}

/**
 * Everything readable in this node's templates and expressions, flow variables first.
 * @example scopeNames(flow, ['value']) // [{ name: 'orderId', kind: 'string' }, …, { name: 'call.caller', kind: 'call' }, { name: 'value', kind: 'local' }]
 */
export function scopeNames(flow: Pick<FlowDocument, 'variables'>, locals: readonly string[] = []): ScopeName[] {
  return [
    ...flow.variables.map((v) => ({ name: v.name, kind: v.type, ...(v.sensitive ? { sensitive: true } : {}) })),
    ...callFields.map((name) => ({ name, kind: 'call' })),
    ...locals.map((name) => ({ name, kind: 'local' })),
  ];
}

/**
 * The `{{` hole being typed at the caret, if any: the text after the last unclosed `{{` before the caret.
 * @example openHoleAt('Order {{ord', 11) // { start: 8, typed: 'ord' }
 */
export function openHoleAt(text: string, caret: number): { start: number; typed: string } | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.indexOf('}}', open) >= 0 || (open > 0 && before[open - 1] === '\\')) return null;
  const typed = before.slice(open + 2);
  return /^\s*[A-Za-z0-9_.]*$/.test(typed) ? { start: open + 2, typed: typed.trim() } : null;
}

/** Insert a completed name into the open hole, closing it: `Order {{ord|` → `Order {{orderId}}|`. */
export function completeHole(text: string, caret: number, name: string): { text: string; caret: number } | null {
  const hole = openHoleAt(text, caret);
  if (!hole) return null;
  const closes = text.startsWith('}}', caret);
  const inserted = `${name}${closes ? '' : '}}'}`;
  const next = text.slice(0, hole.start) + inserted + text.slice(caret);
  return { text: next, caret: hole.start + inserted.length + (closes ? 2 : 0) };
}
