// A typed error carrying validation issues, for callers that prefer to throw (publish, compile).

import { formatIssue } from './format-issue';
import type { ValidationIssue } from './validation-issue';

/**
 * Thrown with the issues of an invalid flow.
 * @example
 * const result = validate(doc);
 * if (!result.valid) throw new ValidationError(result.errors);
 */
export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const count = issues.length;
    const first = issues[0] ? `: ${formatIssue(issues[0])}` : '';
    super(`The flow has ${count} problem${count === 1 ? '' : 's'}${count > 1 ? `, first${first}` : first}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}
