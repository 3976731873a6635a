// Renders zod issues as indented lines "path: message" for CLI error messages.

import type { z } from 'zod';

/** One line per issue, e.g. `  /skillGroups/sales/name: Invalid input: expected string, received undefined`. */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length > 0 ? `/${issue.path.map(String).join('/')}` : '(top level)';
      return `  ${path}: ${issue.message}`;
    })
    .join('\n');
}
