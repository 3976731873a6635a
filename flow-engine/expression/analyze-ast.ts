// Walks a parsed CEL tree once: collects the free variables it reads and refuses what the engine does not allow.

import type { ASTNode } from '@marcbachmann/cel-js';
import { BOUNDED_MATCHES } from './bounded-matches';
import { builtInIdentifiers, globalFunctionNames, iteratingMacros, methodNames } from './cel-environment';
import { FORBIDDEN_KEYS } from './convert-values';
import { ExpressionProblem } from './errors';
import { MAX_LIST_FUNCTION_NESTING, MAX_NESTING } from './limits';
import { unsafePatternReason } from './safe-pattern';

export interface AstFacts {
  /** Free root identifiers in order of first use, e.g. ["tier", "call"]. */
  identifiers: string[];
  /** 0-based offset of each identifier's first use, parallel to `identifiers`. */
  offsets: number[];
  /** The `text.matches(pattern)` calls, whose pattern passed the safety check. */
  matchCalls: Extract<ASTNode, { op: 'rcall' }>[];
}

/** Where the walk is: names bound by enclosing `exists(x, …)` / `cel.bind(x, …)`, and list-function nesting. */
interface Frame {
  bound: ReadonlySet<string>;
  /** Iteration variables of the enclosing list functions; nested ones must range over these. */
  iterationVars: ReadonlySet<string>;
  macroDepth: number;
}

const TOP: Frame = { bound: new Set(), iterationVars: new Set(), macroDepth: 0 };

/**
 * Point vetted `matches()` calls at the bounded implementation. Must run before cel-js type-checks the tree,
 * which is when it binds each call to its function.
 */
export function bindBoundedMatches(facts: AstFacts): void {
  for (const call of facts.matchCalls) call.args[0] = BOUNDED_MATCHES;
}

/**
 * Analyse a parsed expression. Throws an ExpressionProblem (with the offset in `source`) for an unknown function,
 * a forbidden field (`constructor`, …), nesting deeper than the limit, an unsafe `matches()` pattern, or list
 * functions nested in a way whose work would multiply.
 * @example
 * analyzeAst(celEnvironment.parse('xs.exists(x, x > limit)').ast, source).identifiers // ["xs", "limit"]
 */
export function analyzeAst(root: ASTNode, source: string): AstFacts {
  const facts: AstFacts = { identifiers: [], offsets: [], matchCalls: [] };
  walk(root, TOP, 1, source, facts);
  return facts;
}

function walk(node: ASTNode, frame: Frame, depth: number, source: string, facts: AstFacts): void {
  if (depth > MAX_NESTING) {
    throw new ExpressionProblem(
      `The expression is nested more than ${MAX_NESTING} levels deep`,
      'too-deep',
      node.start,
    );
  }
  const next = depth + 1;
  switch (node.op) {
    case 'value':
      return;
    case 'id':
      if (!frame.bound.has(node.args) && !builtInIdentifiers.has(node.args) && !facts.identifiers.includes(node.args)) {
        facts.identifiers.push(node.args);
        facts.offsets.push(node.start);
      }
      return;
    case '.':
    case '.?':
      refuseForbiddenKey(node.args[1], node.pos);
      return walk(node.args[0], frame, next, source, facts);
    case '[]':
    case '[?]': {
      const index = node.args[1];
      if (index.op === 'value' && typeof index.args === 'string') refuseForbiddenKey(index.args, index.start);
      walk(node.args[0], frame, next, source, facts);
      return walk(index, frame, next, source, facts);
    }
    case '!_':
    case '-_':
      return walk(node.args, frame, next, source, facts);
    case 'list':
      for (const item of node.args) walk(item, frame, next, source, facts);
      return;
    case 'map':
      for (const [key, value] of node.args) {
        walk(key, frame, next, source, facts);
        walk(value, frame, next, source, facts);
      }
      return;
    case 'call': {
      const [name, args] = node.args;
      if (!globalFunctionNames.has(name)) {
        throw new ExpressionProblem(`Unknown function '${name}'`, 'unknown-function', node.start);
      }
      for (const arg of args) walk(arg, frame, next, source, facts);
      return;
    }
    case 'rcall':
      return walkMethodCall(node, frame, depth, source, facts);
    default:
      // Binary operators, `?:`, `&&`, `||`: every argument is a node.
      for (const arg of node.args as ASTNode[]) walk(arg, frame, next, source, facts);
  }
}

function walkMethodCall(
  node: Extract<ASTNode, { op: 'rcall' }>,
  frame: Frame,
  depth: number,
  source: string,
  facts: AstFacts,
): void {
  const [name, receiver, args] = node.args;
  const next = depth + 1;
  const nameOffset = methodNameOffset(source, receiver.end, name);

  const [bindName, bindValue, bindBody] = args;
  if (
    receiver.op === 'id' &&
    receiver.args === 'cel' &&
    name === 'bind' &&
    args.length === 3 &&
    bindName?.op === 'id' &&
    bindValue &&
    bindBody
  ) {
    walk(bindValue, frame, next, source, facts);
    const bound = new Set(frame.bound).add(bindName.args);
    return walk(bindBody, { ...frame, bound }, next, source, facts);
  }

  if (!methodNames.has(name) || name === BOUNDED_MATCHES) {
    throw new ExpressionProblem(`Unknown function '${name}'`, 'unknown-function', nameOffset);
  }
  walk(receiver, frame, next, source, facts);

  const [macroVariable] = args;
  if (iteratingMacros.has(name) && args.length >= 2 && macroVariable?.op === 'id') {
    refuseMultiplyingNesting(receiver, frame, name, nameOffset);
    const variable = macroVariable.args;
    const inner: Frame = {
      bound: new Set(frame.bound).add(variable),
      iterationVars: new Set([variable]),
      macroDepth: frame.macroDepth + 1,
    };
    for (const arg of args.slice(1)) walk(arg, inner, next, source, facts);
    return;
  }

  if (name === 'matches') {
    refuseUnsafePattern(args[0], nameOffset);
    facts.matchCalls.push(node);
  }
  for (const arg of args) walk(arg, frame, next, source, facts);
}

/**
 * A list function inside another one multiplies their work (1000 × 1000 × …). Allow one level of nesting, and
 * only over data reached from the outer element (`orders.exists(o, o.items.exists(i, …))`), whose total size
 * the per-variable limits bound.
 */
function refuseMultiplyingNesting(receiver: ASTNode, frame: Frame, name: string, offset: number): void {
  if (frame.macroDepth === 0) return;
  if (frame.macroDepth >= MAX_LIST_FUNCTION_NESTING) {
    throw new ExpressionProblem(
      `List functions such as ${name}() can be nested at most ${MAX_LIST_FUNCTION_NESTING} deep`,
      'nested-list-functions',
      offset,
    );
  }
  const root = rootIdentifier(receiver);
  if (root === null || !frame.iterationVars.has(root)) {
    throw new ExpressionProblem(
      `${name}() inside another list function may only go over a part of the outer item (e.g. o.items.${name}(…))`,
      'nested-list-functions',
      offset,
    );
  }
}

function rootIdentifier(node: ASTNode): string | null {
  let current: ASTNode = node;
  for (;;) {
    switch (current.op) {
      case 'id':
        return current.args;
      case '.':
      case '.?':
      case '[]':
      case '[?]':
        current = current.args[0];
        break;
      case 'rcall':
        current = current.args[1];
        break;
      default:
        return null;
    }
  }
}

function refuseForbiddenKey(key: string, offset: number): void {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new ExpressionProblem(`The field name '${key}' is not allowed`, 'forbidden-name', offset);
  }
}

function refuseUnsafePattern(pattern: ASTNode | undefined, offset: number): void {
  if (!pattern || pattern.op !== 'value' || typeof pattern.args !== 'string') {
    throw new ExpressionProblem(
      'The pattern of matches() must be written as a text in quotes',
      'unsafe-pattern',
      offset,
    );
  }
  const reason = unsafePatternReason(pattern.args);
  if (reason)
    throw new ExpressionProblem(`The pattern of matches() is refused: ${reason}`, 'unsafe-pattern', pattern.start);
}

/** cel-js keeps no position for a method's name; it follows the receiver after a dot (and maybe spaces). */
function methodNameOffset(source: string, receiverEnd: number, name: string): number {
  const found = source.indexOf(name, receiverEnd);
  return found < 0 ? receiverEnd : found;
}
