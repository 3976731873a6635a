// Reads the JSON view's text back into a flow document: syntax errors with line and column, then the flow schema.

import type { FlowDocument } from '../../../flow-engine/document';
import { validate } from '../../../flow-engine/validate';

export type FlowJsonCheck =
  | { ok: true; flow: FlowDocument }
  | { ok: false; kind: 'syntax'; line: number; column: number; message: string }
  | { ok: false; kind: 'schema'; problems: { path: string; message: string }[] }
  | { ok: false; kind: 'id'; before: string };

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Where JSON.parse stopped: V8 names a position, or a line and column, depending on the error. */
function syntaxPosition(text: string, message: string): { line: number; column: number } {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/.exec(message);
  return lineColumn(text, position ? Number(position[1]) : text.length);
}

/**
 * The edited text as a document when it parses and fits the flow schema (semantic problems such as an unconnected
 * port are the problems panel's business, not a reason to refuse); the flow's id must stay `currentId`.
 */
export function checkFlowJson(text: string, currentId: string): FlowJsonCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      kind: 'syntax',
      ...syntaxPosition(text, message),
      message: message.replace(/^JSON\.parse: /, ''),
    };
  }
  // Shape problems, and node types the studio cannot draw or edit, are refused; the rest is for the problems panel.
  const schemaProblems = validate(parsed).errors.filter(
    (issue) => issue.rule === 'schema' || issue.rule === 'unknown-node-type',
  );
  if (schemaProblems.length > 0)
    return {
      ok: false,
      kind: 'schema',
      problems: schemaProblems.map((issue) => ({ path: issue.path, message: issue.message })),
    };
  const flow = parsed as FlowDocument;
  if (flow.id !== currentId) return { ok: false, kind: 'id', before: currentId };
  return { ok: true, flow };
}

/** The text the view shows for a document: two-space JSON, the same order as the document. */
export function flowJsonText(flow: FlowDocument): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}
