// Collects issues from the schema layer and the semantic rules, split by severity.

import type { ValidationIssue } from './validation-issue';

type IssueInput = Omit<ValidationIssue, 'severity'>;

export class IssueCollector {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];

  error(issue: IssueInput): void {
    this.errors.push({ ...issue, severity: 'error' });
  }

  warning(issue: IssueInput): void {
    this.warnings.push({ ...issue, severity: 'warning' });
  }

  add(issue: ValidationIssue): void {
    (issue.severity === 'error' ? this.errors : this.warnings).push(issue);
  }
}
