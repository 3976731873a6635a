// validate(): JSON Schema first, then the semantic rules on every part that passed it; reports every issue at once.

import { buildContext, type FailedItems } from './flow-context';
import { IssueCollector } from './issue-collector';
import { semanticRules } from './rules/index';
import { schemaErrors } from './schema-validator';
import { schemaIssues } from './schema-issues';
import type { ValidateOptions, ValidationIssue, ValidationResult } from './validation-issue';

/** List items (`/nodes/3/…` → nodes 3) that have JSON Schema issues. */
function failedItems(issues: readonly ValidationIssue[]): FailedItems {
  const failed = new Map<string, Set<number>>();
  for (const issue of issues) {
    const match = /^\/(nodes|edges|variables|tests)\/(\d+)(\/|$)/.exec(issue.path);
    if (!match) continue;
    const set = failed.get(match[1]!) ?? new Set<number>();
    set.add(Number(match[2]));
    failed.set(match[1]!, set);
  }
  return failed;
}

function run(flow: unknown, options: ValidateOptions, checkSubflows: boolean): ValidationResult {
  const report = new IssueCollector();
  const fromSchema = schemaIssues(flow, schemaErrors(flow));
  for (const issue of fromSchema) report.add(issue);
  if (typeof flow === 'object' && flow !== null && !Array.isArray(flow)) {
    const validateSubflow = (doc: unknown) => run(doc, options, false);
    const ctx = buildContext(
      flow as Record<string, unknown>,
      failedItems(fromSchema),
      options,
      checkSubflows,
      validateSubflow,
      report,
    );
    for (const rule of semanticRules) rule(ctx);
  }
  return { valid: report.errors.length === 0, errors: report.errors, warnings: report.warnings };
}

/**
 * Check a flow document and report every problem: JSON Schema errors and semantic checks
 * (start node, dangling edges, unconnected ports, unreachable nodes, loops, unknown variables, …).
 * Pass `resources` to also check `{ "ref": … }` keys and subflows. The document is read as a value: each node
 * config object is parsed once and the result reused by compile(), so change a document by replacing objects.
 * @example
 * const result = validate(JSON.parse(text), { resources: resolverFromBundle(bundle) });
 * if (!result.valid) for (const issue of result.errors) console.log(formatIssue(issue));
 */
export function validate(flow: unknown, options: ValidateOptions = {}): ValidationResult {
  return run(flow, options, true);
}
