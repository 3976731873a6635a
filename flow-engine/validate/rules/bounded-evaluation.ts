// Rule evaluation-too-large: expressions whose data is known before any call (literals, and variables a `set` node
// has just given a literal-built value) are evaluated here, so one that would exceed the limits is refused now.

import { NodeFault } from '../../compile/compile-error';
import { checkVariableWrite } from '../../compile/variable-sizes';
import { ExpressionEvaluationError, parseExpression, parseTemplate, type ExpressionErrorCode } from '../../expression/index';
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
    if (error instanceof ExpressionEvaluationError && BOUND_CODES.has(error.code)) report(ctx, entry, relPath, error.message);
    return undefined;
  }
}

/** A `set` node's assignments in order: later ones read the literal-built values of earlier ones. */
function checkSet(ctx: FlowContext, entry: NodeEntry): void {
  const { assignments } = entry.parsed!.config as { assignments: { variable: string; value: string }[] };
  const known = Object.create(null) as Record<string, unknown>;
  const sizes = {};
  assignments.forEach((a, i) => {
    const relPath = `/config/assignments/${i}/value`;
    const parsed = parseExpression(a.value);
    if (!parsed.ok || !parsed.value.identifiers.every((id) => Object.hasOwn(known, id))) {
      delete known[a.variable];
      return;
    }
    const result = tryEvaluate(ctx, entry, relPath, () => parsed.value.evaluate(known));
    if (!result) {
      delete known[a.variable];
      return;
    }
    try {
      checkVariableWrite(sizes, a.variable, result.value);
      known[a.variable] = result.value;
    } catch (error) {
      if (!(error instanceof NodeFault)) throw error;
      report(ctx, entry, relPath, `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`);
      delete known[a.variable];
    }
  });
}

export const checkBoundedEvaluation: SemanticRule = (ctx) => {
  for (const entry of ctx.nodes) {
    if (!entry.parsed) continue;
    if (entry.node.type === 'set') {
      checkSet(ctx, entry);
      continue;
    }
    const { refs } = entry.parsed;
    for (const ref of refs.expressions) {
      const parsed = parseExpression(ref.source);
      if (parsed.ok && parsed.value.identifiers.length === 0) tryEvaluate(ctx, entry, ref.path, () => parsed.value.evaluate({}));
    }
    for (const ref of refs.templates) {
      const parsed = parseTemplate(ref.source);
      if (parsed.ok && !parsed.value.isStatic && parsed.value.identifiers.length === 0) {
        tryEvaluate(ctx, entry, ref.path, () => parsed.value.render({}));
      }
    }
  }
};
