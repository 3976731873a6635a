// Collects issues from the schema layer and the semantic rules, split by severity.

import { renderProblem } from './render-problem';
import type { ValidationIssue } from './validation-issue';

/** An issue as a rule reports it: its English sentence is rendered here from the code and parameters. */
export type IssueInput = Omit<ValidationIssue, 'severity' | 'message'>;

const withMessage = (issue: IssueInput): Omit<ValidationIssue, 'severity'> => ({
  ...issue,
  message: renderProblem(issue.code, issue.params),
});

export class IssueCollector {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];

  error(issue: IssueInput): void {
    this.errors.push({ ...withMessage(issue), severity: 'error' });
  }

  warning(issue: IssueInput): void {
    this.warnings.push({ ...withMessage(issue), severity: 'warning' });
  }

  add(issue: ValidationIssue): void {
    (issue.severity === 'error' ? this.errors : this.warnings).push(issue);
  }
}
