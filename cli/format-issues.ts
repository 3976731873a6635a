// Human-readable validation output: one line per issue with severity, node or edge id, JSON path and message.

import type { ValidationIssue, ValidationResult } from '../flow-engine/validate';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function where(issue: ValidationIssue): string {
  const path = issue.path === '' ? 'the document' : issue.path;
  const ids = [
    ...(issue.nodeId !== undefined ? [`node "${issue.nodeId}"`] : []),
    ...(issue.edgeId !== undefined ? [`edge "${issue.edgeId}"`] : []),
  ];
  return ids.length > 0 ? `${ids.join(', ')} (${path})` : path;
}

/** e.g. `  error: node "menu" (/nodes/3/config/options/1/key): The key 1 is used twice. [duplicate-menu-key]` */
export function formatIssue(issue: ValidationIssue): string {
  return `  ${issue.severity}: ${where(issue)}: ${issue.message} [${issue.rule}]`;
}

/** A heading line for the file followed by every error, then every warning. */
export function formatValidation(display: string, result: ValidationResult): string {
  const counts = [
    ...(result.errors.length > 0 ? [plural(result.errors.length, 'error')] : []),
    ...(result.warnings.length > 0 ? [plural(result.warnings.length, 'warning')] : []),
  ];
  const heading = `${display}: ${result.valid ? 'valid' : 'invalid'}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`;
  return [heading, ...result.errors.map(formatIssue), ...result.warnings.map(formatIssue)].join('\n') + '\n';
}
