// Run-time helpers for node behaviours: evaluate expressions in the call's scope and write variables.

import type { CompiledExpression, CompiledTemplate, RenderOptions } from '../expression';
import type { CallContext } from './call-context';
import { NodeFault } from './compile-error';
import { checkVariableWrite } from './variable-sizes';
import { MASK } from './sensitive-values';

/** CEL gives integers as bigint and maps as Map; variables hold plain JSON-like values. */
export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(k)] = toPlain(v);
    return out;
  }
  if (value instanceof Uint8Array || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

/** Evaluate an expression; a failure becomes a NodeFault naming the expression. Locals shadow variables. */
export function evaluate(call: CallContext, expression: CompiledExpression, locals?: Record<string, unknown>): unknown {
  try {
    const value = expression.evaluate(locals ? { ...call.scope, ...locals } : call.scope);
    // Computed from sensitive data: sensitive too, wherever it goes (an HTTP body, a queue priority, a variable).
    if (readsSensitive(call, expression)) call.sensitive.add(value);
    return value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new NodeFault(`the expression \`${expression.source}\` could not be evaluated: ${reason}`);
  }
}

/** Evaluate a rule that must give true or false. */
export function evaluateBoolean(
  call: CallContext,
  expression: CompiledExpression,
  locals?: Record<string, unknown>,
): boolean {
  const value = evaluate(call, expression, locals);
  if (typeof value !== 'boolean') {
    throw new NodeFault(
      `the expression \`${expression.source}\` gave ${describe(value, readsSensitive(call, expression))} instead of true or false`,
    );
  }
  return value;
}

/** Evaluate an expression that must give a number. */
export function evaluateNumber(call: CallContext, expression: CompiledExpression): number {
  const value = toPlain(evaluate(call, expression));
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new NodeFault(
      `the expression \`${expression.source}\` gave ${describe(value, readsSensitive(call, expression))} instead of a number`,
    );
  }
  return value;
}

/** Store a variable; a value past the size limits (alone or with the call's other variables) is a NodeFault. */
export function setVariable(call: CallContext, name: string, value: unknown): void {
  checkVariableWrite(call.scope, name, value);
  if (call.tainted.has(name)) call.sensitive.add(value);
  call.scope[name] = value;
}

/** True when the expression reads a sensitive variable: what it gives is sensitive too. */
function readsSensitive(call: CallContext, expression: CompiledExpression): boolean {
  return expression.identifiers.some((name) => call.tainted.has(name));
}

/** The value for an error message; one computed from sensitive data is named by its kind only. */
function describe(value: unknown, sensitive: boolean): string {
  if (value === null || value === undefined) return 'nothing';
  if (sensitive) return typeof value === 'string' ? 'a text' : `a ${typeof value}`;
  if (typeof value === 'string') return `the text "${value.slice(0, 40)}"`;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a number or boolean prints itself; a list or map names its kind first
  return `${typeof value} ${String(value).slice(0, 40)}`;
}

/** Fill in a template (`options.encode`: see RenderOptions); a failure becomes a NodeFault naming the template. */
export function renderTemplate(
  call: CallContext,
  template: CompiledTemplate,
  locals?: Record<string, unknown>,
  options?: RenderOptions,
): string {
  const scope = locals ? { ...call.scope, ...locals } : call.scope;
  try {
    if (!template.identifiers.some((name) => call.tainted.has(name))) return template.render(scope, options);
    // A URL, header, body or dial target built from sensitive data: what its sensitive holes gave is masked
    // in every log of the request, the rest of the text stays readable.
    const { text, hidden } = template.renderShown(scope, (name) => call.tainted.has(name), MASK, options);
    for (const value of hidden) call.sensitive.add(value);
    return text;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new NodeFault(`the text \`${template.source}\` could not be filled in: ${reason}`);
  }
}
