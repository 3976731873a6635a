// Test helpers: load flow fixtures and find one issue by rule.

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ValidationIssue, ValidationResult } from '../../../flow-engine/validate/index';

const root = new URL('../../fixtures/flows/', import.meta.url);

/** A fixture document from test/fixtures/flows/good|bad. */
export function loadFlow(kind: 'good' | 'bad', name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${kind}/${name}.json`, root), 'utf8')) as Record<string, unknown>;
}

/** All issues (errors and warnings) of one rule. */
export const issuesOf = (result: ValidationResult, rule: string): ValidationIssue[] =>
  [...result.errors, ...result.warnings].filter((i) => i.rule === rule);

/** Asserts exactly one issue of `rule` and returns it. */
export function onlyIssue(result: ValidationResult, rule: string): ValidationIssue {
  const found = issuesOf(result, rule);
  expect(found, `issues of ${rule}: ${JSON.stringify([...result.errors, ...result.warnings], null, 1)}`).toHaveLength(
    1,
  );
  return found[0]!;
}
