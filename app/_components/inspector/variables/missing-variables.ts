// The variables a node uses or stores into that the flow does not declare, each with the type to declare it with,
// read from live validation's unknown-variable and undeclared-write problems.

import type { FlowDocument, VariableDeclaration } from '../../../../flow-engine/document';
import type { ValidationIssue } from '../../../../flow-engine/validate/validation-issue';

export type VariableType = VariableDeclaration['type'];

export interface MissingVariable {
  name: string;
  type: VariableType;
}

/** The JSON value at a pointer under a node (`/config/assignments/0/value`), or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  let at = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at;
}

/**
 * The type an expression's value most likely has: a literal says it, a comparison or a logical operator gives
 * true/false; anything else is taken as text (the declared type can be changed in the variables table).
 * @example typeOfExpression('3') // 'number'; typeOfExpression('tier == "vip"') // 'boolean'
 */
export function typeOfExpression(source: string): VariableType {
  const text = source.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return 'number';
  if (/^(true|false)$/.test(text)) return 'boolean';
  if (/^(["']).*\1$/s.test(text)) return 'string';
  if (/^[[{]/.test(text)) return 'object';
  if (/(==|!=|<=|>=|&&|\|\||(^|[^=!<>])[<>](?!=)|^!)/.test(text)) return 'boolean';
  if (/^(size|int|double)\(/.test(text)) return 'number';
  return 'string';
}

/** The type a write to `variable` at `path` (under the node) calls for. */
function typeOfWrite(node: FlowDocument['nodes'][number], path: string): VariableType {
  if (node.type === 'survey') return 'number';
  // set and http compute the value with an expression next to the variable field.
  const valuePath = path.replace(/\/variable$/, '/value');
  const source = valuePath !== path ? valueAt(node, valuePath) : undefined;
  if (typeof source === 'string') {
    // An http output reads the answer: a whole `response.body` is an object, `response.status` a number.
    if (node.type === 'http' && /^response\.body$/.test(source.trim())) return 'object';
    if (node.type === 'http' && /^response\.status$/.test(source.trim())) return 'number';
    return typeOfExpression(source);
  }
  // collect, speech and record store what the caller keyed, said or left: text.
  return 'string';
}

/**
 * The undeclared variables of one node, first mention first, without duplicates.
 * @example missingVariables(doc, 'askOrder', issues) // [{ name: 'orderId', type: 'string' }]
 */
export function missingVariables(
  doc: FlowDocument,
  nodeId: string,
  issues: readonly ValidationIssue[],
): MissingVariable[] {
  const index = doc.nodes.findIndex((n) => n.id === nodeId);
  const node = doc.nodes[index];
  if (!node) return [];
  const prefix = `/nodes/${index}`;
  const declared = new Set(doc.variables.map((v) => v.name));
  const out = new Map<string, VariableType>();
  for (const issue of issues) {
    if (issue.nodeId !== nodeId || (issue.code !== 'unknown-variable' && issue.code !== 'undeclared-write')) continue;
    const name = issue.params.variable;
    // Only plain names can be declared (a read of `order.id` needs `order`).
    if (typeof name !== 'string' || declared.has(name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const type =
      issue.code === 'undeclared-write' && issue.path.startsWith(prefix)
        ? typeOfWrite(node, issue.path.slice(prefix.length))
        : 'string';
    // A write says more about the type than a read does.
    if (!out.has(name) || issue.code === 'undeclared-write') out.set(name, type);
  }
  return [...out].map(([name, type]) => ({ name, type }));
}

/** The flow's variables with these added (one command, one undo step). */
export function withDeclared(
  variables: readonly VariableDeclaration[],
  missing: readonly MissingVariable[],
): VariableDeclaration[] {
  const known = new Set(variables.map((v) => v.name));
  return [...variables, ...missing.filter((m) => !known.has(m.name)).map((m) => ({ name: m.name, type: m.type }))];
}
