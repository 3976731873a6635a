// Rules expression-syntax, template-syntax and unknown-variable: every expression and template parses and reads only known names.

import { parseExpression, parseTemplate } from '../../expression/index';
import { describeTokens } from '../describe-path';
import type { FlowContext, NodeEntry, SemanticRule } from '../flow-context';
import { tokensOf } from '../json-pointer';

/** Names every expression may read besides declared variables. */
const BUILT_INS = ['call'];

interface Parsed {
  ok: boolean;
  identifiers?: readonly string[];
  message?: string;
  column?: number;
}

function checkSource(
  ctx: FlowContext,
  entry: NodeEntry,
  relPath: string,
  kind: 'expression' | 'template',
  parsed: Parsed,
  allowed: ReadonlySet<string>,
): void {
  if (parsed.ok && (parsed.identifiers ?? []).every((name) => allowed.has(name))) return;
  const path = `${entry.path}${relPath}`;
  const where = describeTokens(tokensOf(relPath));
  if (!parsed.ok) {
    ctx.report.error({
      rule: `${kind}-syntax`,
      code: `${kind}-syntax`,
      path,
      nodeId: entry.id,
      params: { node: entry.id, field: where, detail: syntaxDetail(parsed) },
    });
    return;
  }
  for (const name of parsed.identifiers ?? []) {
    if (allowed.has(name)) continue;
    ctx.report.error({
      rule: 'unknown-variable',
      path,
      nodeId: entry.id,
      code: 'unknown-variable',
      params: { node: entry.id, field: where, variable: name },
    });
  }
}

/** The parser's message with its column, ending in one full stop. */
const syntaxDetail = (parsed: Parsed): string => {
  const message = parsed.message ?? 'it cannot be read';
  const withColumn = /column \d+/.test(message) ? message : `${message.replace(/\.$/, '')} (column ${parsed.column})`;
  return /[.!?]$/.test(withColumn) ? withColumn : `${withColumn}.`;
};

const toParsed = (result: ReturnType<typeof parseExpression> | ReturnType<typeof parseTemplate>): Parsed =>
  result.ok
    ? { ok: true, identifiers: result.value.identifiers }
    : { ok: false, message: result.error.message, column: result.error.column };

export const checkExpressions: SemanticRule = (ctx) => {
  const declared = [...ctx.variablesByName.keys(), ...BUILT_INS];
  for (const entry of ctx.nodes) {
    if (!entry.parsed) continue;
    const { refs } = entry.parsed;
    const allowed = new Set([...declared, ...(refs.locals ?? [])]);
    for (const ref of refs.expressions)
      checkSource(ctx, entry, ref.path, 'expression', toParsed(parseExpression(ref.source)), allowed);
    for (const ref of refs.templates)
      checkSource(ctx, entry, ref.path, 'template', toParsed(parseTemplate(ref.source)), allowed);
  }
};
