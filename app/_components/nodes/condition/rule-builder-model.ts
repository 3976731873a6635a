// The condition rule builder's model: a list of "variable operator value" checks joined by all/any, to and from CEL.

import { parse, type ASTNode } from '@marcbachmann/cel-js';

export const comparisonOperators = ['==', '!=', '<', '<=', '>', '>='] as const;
export const textOperators = ['contains', 'startsWith', 'endsWith'] as const;
export const ruleOperators = [...comparisonOperators, ...textOperators] as const;
export type RuleOperator = (typeof ruleOperators)[number];

export type RuleValue = string | number | boolean | null;

/** One check, e.g. `tier == "vip"` or `caller.startsWith("+86")`. */
export interface RuleCheck {
  /** A variable or a field path into one, e.g. `tier`, `call.caller`, `crm.customer.level`. */
  variable: string;
  operator: RuleOperator;
  value: RuleValue;
}

export interface RuleGroup {
  /** `all`: every check must hold (&&); `any`: at least one (||). */
  combinator: 'all' | 'any';
  checks: RuleCheck[];
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A CEL literal for a value: strings quoted with escapes (JSON's escapes are valid CEL), numbers as written. */
export function celLiteral(value: RuleValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} is not a number CEL can write`);
    return String(value);
  }
  return value ? 'true' : 'false';
}

function checkToCel(check: RuleCheck): string {
  if (!PATH.test(check.variable)) throw new Error(`"${check.variable}" is not a variable name`);
  const value = celLiteral(check.value);
  return (textOperators as readonly string[]).includes(check.operator)
    ? `${check.variable}.${check.operator}(${value})`
    : `${check.variable} ${check.operator} ${value}`;
}

/**
 * Write a rule group as CEL. An empty group is empty text: a rule without a check is unfinished (the node's schema
 * says so), not one that always holds, and its card shows no `true`.
 * @example ruleGroupToCel({ combinator: 'all', checks: [{ variable: 'tier', operator: '==', value: 'vip' }] }) // 'tier == "vip"'
 */
export function ruleGroupToCel(group: RuleGroup): string {
  if (group.checks.length === 0) return '';
  return group.checks.map(checkToCel).join(group.combinator === 'all' ? ' && ' : ' || ');
}

function pathOf(node: ASTNode): string | null {
  if (node.op === 'id') return node.args;
  if (node.op === '.') {
    const [object, field] = node.args;
    const base = pathOf(object);
    return base === null ? null : `${base}.${field}`;
  }
  return null;
}

function literalOf(node: ASTNode): { value: RuleValue } | null {
  if (node.op === 'value') {
    const v: unknown = node.args;
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? { value: Number(v) } : null;
    if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : null;
    if (typeof v === 'string' || typeof v === 'boolean' || v === null) return { value: v };
    return null;
  }
  // A negative number is the negation of a positive literal.
  if (node.op === '-_') {
    const inner = literalOf(node.args);
    return inner && typeof inner.value === 'number' ? { value: -inner.value } : null;
  }
  return null;
}

function checkOf(node: ASTNode): RuleCheck | null {
  if ((comparisonOperators as readonly string[]).includes(node.op)) {
    const [left, right] = node.args as [ASTNode, ASTNode];
    const variable = pathOf(left);
    const literal = literalOf(right);
    return variable !== null && literal ? { variable, operator: node.op as RuleOperator, value: literal.value } : null;
  }
  if (node.op === 'rcall') {
    const [method, receiver, args] = node.args;
    const arg = args.length === 1 ? args[0] : undefined;
    if (!(textOperators as readonly string[]).includes(method) || !arg) return null;
    const variable = pathOf(receiver);
    const literal = literalOf(arg);
    return variable !== null && literal && typeof literal.value === 'string'
      ? { variable, operator: method as RuleOperator, value: literal.value }
      : null;
  }
  return null;
}

/** The operands of a chain of one logical operator, left to right. */
function flatten(node: ASTNode, op: '&&' | '||'): ASTNode[] {
  if (node.op !== op) return [node];
  const [left, right] = node.args;
  return [...flatten(left, op), ...flatten(right, op)];
}

/**
 * Read CEL back into a rule group, or null when the expression is more than the builder can show
 * (mixed && and ||, function calls, arithmetic…): the inspector then stays in expression mode.
 * @example celToRuleGroup('a > 1 || b == "x"') // { combinator: 'any', checks: [a > 1, b == "x"] }
 */
export function celToRuleGroup(source: string): RuleGroup | null {
  if (source.trim() === '') return { combinator: 'all', checks: [] };
  let ast: ASTNode;
  try {
    ast = parse(source).ast;
  } catch {
    return null;
  }
  const combinator = ast.op === '||' ? 'any' : 'all';
  const checks: RuleCheck[] = [];
  for (const operand of flatten(ast, combinator === 'any' ? '||' : '&&')) {
    const check = checkOf(operand);
    if (!check) return null;
    checks.push(check);
  }
  return { combinator, checks };
}

/**
 * The value an admin typed, as the literal the variable's type wants: numbers for number variables,
 * true/false for boolean ones, text otherwise. Returns null (an error) when the text does not fit.
 */
export function parseRuleValue(
  text: string,
  type: 'string' | 'number' | 'boolean' | 'object' | undefined,
): { value: RuleValue } | null {
  if (type === 'number') {
    const trimmed = text.trim();
    const n = Number(trimmed);
    return trimmed !== '' && Number.isFinite(n) ? { value: n } : null;
  }
  if (type === 'boolean') return text === 'true' ? { value: true } : text === 'false' ? { value: false } : null;
  return { value: text };
}

/** The text an input shows for a value. */
export function ruleValueText(value: RuleValue): string {
  return value === null ? '' : String(value);
}
