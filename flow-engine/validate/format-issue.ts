// One-line rendering of a validation issue for the CLI and logs.

import type { ValidationIssue } from './validation-issue';

/**
 * Render an issue as one line: severity, message, rule and path.
 * @example
 * formatIssue({ rule: 'dangling-edge', severity: 'error', path: '/edges/2/target',
 *   message: 'Edge "e3" leads to node "gone", which does not exist.', edgeId: 'e3' });
 * // 'error: Edge "e3" leads to node "gone", which does not exist. [dangling-edge at /edges/2/target]'
 */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.severity}: ${issue.message} [${issue.rule} at ${issue.path || '/'}]`;
}
