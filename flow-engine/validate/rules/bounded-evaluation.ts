// Rule evaluation-too-large: expressions whose data is known before any call (literals, and variables a node that
// assigns in order, such as `set`, has just given a literal-built value) are evaluated here, so one that would exceed the limits is refused now.

import { NodeFault } from '../../compile/compile-error';
import { checkVariableWrite } from '../../compile/variable-sizes';
import {
  ExpressionEvaluationError,
  parseExpression,
  parseTemplate,
  type ExpressionErrorCode,
} from '../../expression/index';
import { getNodeDefinition } from '../../nodes/index';
import { describeTokens } from '../describe-path';
import type { FlowContext, NodeEntry, SemanticRule } from '../flow-context';
import { tokensOf } from '../json-pointer';

/** The failures that mean "too much", as opposed to data a call would bring (a missing field, a type). */
const BOUND_CODES: ReadonlySet<ExpressionErrorCode> = new Set(['too-costly', 'value-too-large', 'rendered-too-long']);

function report(ctx: FlowContext, entry: NodeEntry, relPath: string, reason: string): void {
  ctx.report.error({
    rule: 'evaluation-too-large',
    path: `${entry.path}${relPath}`,
    nodeId: entry.id,
    code: 'evaluation-too-large',
    params: { node: entry.id, field: describeTokens(tokensOf(relPath)), detail: reason },
  });
}

/** Evaluate with what is known; returns the value, or undefined when it cannot (or must not) be known here. */
function tryEvaluate(
  ctx: FlowContext,
  entry: NodeEntry,
  relPath: string,
  run: () => unknown,
): { value: unknown } | undefined {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof ExpressionEvaluationError && BOUND_CODES.has(error.code))
      report(ctx, entry, relPath, error.message);
    return undefined;
  }
}

/**
 * The writes of a node that assigns in order (a `set` node, `assignsInOrder` in its definition), each from one
 * expression: later ones read the literal-built values of earlier ones.
 */
function checkInOrder(ctx: FlowContext, entry: NodeEntry): void {
  const { refs } = entry.parsed!;
  const known = Object.create(null) as Record<string, unknown>;
  const sizes = {};
  for (const write of refs.writes) {
    const relPath = write.from?.[0];
    const source = refs.expressions.find((e) => e.path === relPath)?.source;
    const parsed = source !== undefined ? parseExpression(source) : undefined;
    if (relPath === undefined || !parsed?.ok || !parsed.value.identifiers.every((id) => Object.hasOwn(known, id))) {
      delete known[write.name];
      continue;
    }
    const expression = parsed.value;
    const result = tryEvaluate(ctx, entry, relPath, () => expression.evaluate(known));
    if (!result) {
      delete known[write.name];
      continue;
    }
    try {
      checkVariableWrite(sizes, write.name, result.value);
      known[write.name] = result.value;
    } catch (error) {
      if (!(error instanceof NodeFault)) throw error;
      report(ctx, entry, relPath, `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`);
      delete known[write.name];
    }
  }
}

export const checkBoundedEvaluation: SemanticRule = (ctx) => {
  for (const entry of ctx.nodes) {
    if (!entry.parsed) continue;
    if (getNodeDefinition(entry.node.type)?.assignsInOrder) {
      checkInOrder(ctx, entry);
      continue;
    }
    const { refs } = entry.parsed;
    for (const ref of refs.expressions) {
      const parsed = parseExpression(ref.source);
      if (parsed.ok && parsed.value.identifiers.length === 0)
        tryEvaluate(ctx, entry, ref.path, () => parsed.value.evaluate({}));
    }
    for (const ref of refs.templates) {
      const parsed = parseTemplate(ref.source);
      if (parsed.ok && !parsed.value.isStatic && parsed.value.identifiers.length === 0) {
        tryEvaluate(ctx, entry, ref.path, () => parsed.value.render({}));
      }
    }
  }
};
