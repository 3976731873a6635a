// Human-readable validation output: one line per issue with severity, node or edge, JSON path and message, in the
// output language (English names nodes by id, Chinese by label).

import type { NamedNode } from '../flow-engine/node-names';
import type { ValidationIssue, ValidationResult } from '../flow-engine/validate';
import { outputWords, type OutputWords } from './output-language';

function where(issue: ValidationIssue, words: OutputWords, name: (id: string) => string): string {
  const path = issue.path === '' ? words.say('validate.document') : issue.path;
  const ids = [
    ...(issue.nodeId !== undefined ? [words.say('validate.node', { node: name(issue.nodeId) })] : []),
    ...(issue.edgeId !== undefined ? [words.say('validate.edge', { edge: issue.edgeId })] : []),
  ];
  return ids.length > 0 ? words.say('validate.at', { ids: ids.join(', '), path }) : path;
}

/** e.g. `  error: node "menu" (/nodes/3/config/options/1/key): The key 1 is used twice. [duplicate-menu-key]` */
export function formatIssue(
  issue: ValidationIssue,
  words: OutputWords = outputWords('en'),
  nodes: readonly NamedNode[] = [],
): string {
  const name = words.nodeNamer(nodes);
  return `  ${words.say('validate.issue', { severity: issue.severity, where: where(issue, words, name), message: words.problem(issue, nodes), rule: issue.rule })}`;
}

/** A heading line for the file followed by every error, then every warning. */
export function formatValidation(
  display: string,
  result: ValidationResult,
  words: OutputWords = outputWords('en'),
  nodes: readonly NamedNode[] = [],
): string {
  const counts = [
    ...(result.errors.length > 0 ? [words.say('validate.errors', { count: result.errors.length })] : []),
    ...(result.warnings.length > 0 ? [words.say('validate.warnings', { count: result.warnings.length })] : []),
  ];
  const valid = result.valid ? 'yes' : 'no';
  const heading =
    counts.length > 0
      ? words.say('validate.headingCounts', { file: display, valid, counts: counts.join(', ') })
      : words.say('validate.heading', { file: display, valid });
  return (
    [
      heading,
      ...result.errors.map((i) => formatIssue(i, words, nodes)),
      ...result.warnings.map((i) => formatIssue(i, words, nodes)),
    ].join('\n') + '\n'
  );
}
