// Renders zod issues as indented "path: problem" lines for error messages about input files (CLI, template resources).

import type * as z from 'zod';

function problem(issue: z.core.$ZodIssue): string {
  // Parsed with reportInput, so a missing field shows up as an invalid_type issue whose input is undefined.
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.expected})`;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${keys}`;
  }
  return issue.message;
}

/**
 * One line per issue, e.g. `  /skillGroups/sales/name: is required (string)`.
 * Pass issues from `safeParse(value, { reportInput: true })`.
 */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length > 0 ? `/${issue.path.map(String).join('/')}` : '(top level)';
      return `  ${path}: ${problem(issue)}`;
    })
    .join('\n');
}
