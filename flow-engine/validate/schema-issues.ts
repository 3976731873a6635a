// Translates JSON Schema (ajv) errors into one admin-readable issue per problem.

import type { ErrorObject } from 'ajv';
import { collapseAlternatives, type CollapsedError } from './collapse-alternatives';
import { describePath, sentence } from './describe-path';
import { pointer } from './json-pointer';
import type { ValidationIssue } from './validation-issue';

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : noun.endsWith('y') ? '' : 's'}`;
const entries = (n: number): string => (n === 1 ? '1 entry' : `${n} entries`);

/** Quote short scalar values so the admin sees what they typed. */
const quoted = (value: unknown): string => {
  if (typeof value === 'string') return value.length <= 40 ? ` "${value}"` : '';
  if (typeof value === 'number' || typeof value === 'boolean') return ` ${value}`;
  return '';
};

const list = (values: readonly unknown[]): string =>
  values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/** The predicate ("must be …") for one error, without subject or value. */
function predicate(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const limit = Number(p.limit);
  switch (error.keyword) {
    case 'type':
      return `must be ${String(p.type)
        .split(',')
        .map((t) => typeWords[t] ?? t)
        .join(' or ')}`;
    case 'enum':
      return `must be one of: ${list((p.allowedValues as unknown[]) ?? [])}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'pattern': {
      const custom = (error.parentSchema as { patternErrorMessage?: unknown } | undefined)?.patternErrorMessage;
      return typeof custom === 'string' ? custom : 'has the wrong format';
    }
    case 'format':
      return p.format === 'date-time'
        ? 'must be a date and time such as 2026-11-23T10:00:00+08:00'
        : `must be a valid ${String(p.format)}`;
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${plural(limit, 'character')} long`;
    case 'maxLength':
      return `must be at most ${plural(limit, 'character')} long`;
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'exclusiveMinimum':
      return `must be more than ${limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${limit}`;
    case 'minItems':
      return `needs at least ${entries(limit)}`;
    case 'maxItems':
      return `may have at most ${entries(limit)}`;
    case 'uniqueItems':
      return `lists the same value twice (entries ${Number(p.j) + 1} and ${Number(p.i) + 1})`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** Keywords whose message reads better after the offending value, e.g. `key "12" must be one key`. */
const quotesValue = new Set([
  'pattern',
  'enum',
  'const',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

function issueFor(
  doc: unknown,
  collapsed: CollapsedError,
): Omit<ValidationIssue, 'code' | 'params'> & { rule: 'schema' | 'unknown-node-type' } {
  const { error } = collapsed;
  let path = error.instancePath;
  let text: string;
  let rule: 'schema' | 'unknown-node-type' = 'schema';
  if (collapsed.kind === 'alternatives') {
    const described = describePath(doc, path);
    text =
      collapsed.missing.length > 0
        ? sentence(described, `needs one of: ${collapsed.missing.join(', ')}`)
        : collapsed.types.length > 0
          ? sentence(described, `must be ${collapsed.types.map((t) => typeWords[t] ?? t).join(' or ')}`)
          : sentence(described, 'does not match any of the allowed shapes');
    return { rule, severity: 'error', message: `${text}.`, path, ...ids(described) };
  }
  const p = error.params as Record<string, unknown>;
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (error.keyword === 'required') {
    const described = describePath(doc, path);
    path = pointer(path, String(p.missingProperty));
    text = sentence(described, `is missing "${String(p.missingProperty)}"`);
    return { rule, severity: 'error', message: `${text}.`, path, ...ids(described) };
  }
  if (error.keyword === 'additionalProperties') {
    const described = describePath(doc, path);
    path = pointer(path, String(p.additionalProperty));
    text = sentence(described, `has a field "${String(p.additionalProperty)}" that is not allowed here`);
    return { rule, severity: 'error', message: `${text}.`, path, ...ids(described) };
  }
  if (propertyName !== undefined) {
    const described = describePath(doc, path);
    path = pointer(path, propertyName);
    text = sentence(described, `has a name "${propertyName}" that ${predicate(error)}`);
    return { rule, severity: 'error', message: `${text}.`, path, ...ids(described) };
  }
  const described = describePath(doc, path);
  if (/^\/nodes\/\d+\/type$/.test(path) && error.keyword === 'enum') rule = 'unknown-node-type';
  const value = quotesValue.has(error.keyword) ? quoted(error.data) : '';
  text = sentence({ ...described, where: `${described.where}${value}`.trim() }, predicate(error));
  return { rule, severity: 'error', message: `${text}.`, path, ...ids(described) };
}

const ids = (d: { nodeId?: string; edgeId?: string }) => ({
  ...(d.nodeId !== undefined ? { nodeId: d.nodeId } : {}),
  ...(d.edgeId !== undefined ? { edgeId: d.edgeId } : {}),
});

/**
 * One issue per problem found by the JSON Schema, in document order, duplicates removed.
 * @example
 * schemaIssues(doc, schemaErrors(doc))[0].message; // 'Node "mainMenu": option 2 key "12" must be one key: 0-9, * or #.'
 */
export function schemaIssues(doc: unknown, errors: readonly ErrorObject[]): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  // ajv reports in schema order, which follows the document; keep that order after collapsing.
  const position = new Map(errors.map((e, i) => [e, i]));
  const ordered = collapseAlternatives(errors).sort((a, b) => position.get(a.error)! - position.get(b.error)!);
  for (const collapsed of ordered) {
    // Schema sentences are built from the JSON Schema's words (English); they travel as one `detail` parameter.
    const described = issueFor(doc, collapsed);
    const issue: ValidationIssue = { ...described, code: described.rule, params: { detail: described.message } };
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
