// zod's issues in the UI's language through the `zod` messages: the inspector forms' error map, and the issues of an
// input the server refused (sent as data by the API's error formatter), so both say the same thing in the same words.

import type { z } from 'zod';
import type { ZodIssueData } from '../_server/validation/zod-issue-data';

/** next-intl's translator of the `zod` namespace (useTranslations('zod')), or any function of the same shape. */
export type ZodTranslate = (key: string, values?: Record<string, string | number>) => string;

const sizeOrigins = new Set(['string', 'number', 'int', 'bigint', 'array', 'set', 'file', 'date']);
const originOf = (origin: unknown) =>
  typeof origin === 'string' && sizeOrigins.has(origin)
    ? origin === 'int' || origin === 'bigint'
      ? 'number'
      : origin
    : 'other';
const listOf = (values: readonly unknown[]) =>
  values.map((v) => (typeof v === 'string' ? `“${v}”` : String(v))).join(', ');

/**
 * A zod error map (per parse) writing each issue in the UI's language.
 * @example
 * schema.safeParse(values, { error: zodErrorMap(t) }); // too_small on a string → "至少 3 个字符。"
 */
export function zodErrorMap(t: ZodTranslate): z.core.$ZodErrorMap {
  return (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? t('required') : t('invalidType', { expected: String(issue.expected) });
      case 'too_small':
        return t(issue.inclusive === false ? 'tooSmallExclusive' : 'tooSmall', {
          origin: originOf(issue.origin),
          minimum: Number(issue.minimum),
        });
      case 'too_big':
        return t(issue.inclusive === false ? 'tooBigExclusive' : 'tooBig', {
          origin: originOf(issue.origin),
          maximum: Number(issue.maximum),
        });
      case 'invalid_format':
        return issue.format === 'regex' ? t('pattern') : t('format', { format: issue.format });
      case 'not_multiple_of':
        return t('multipleOf', { divisor: Number(issue.divisor) });
      case 'invalid_value':
        return t('oneOf', { values: listOf(issue.values) });
      case 'unrecognized_keys':
        return t('unknownKeys', { keys: issue.keys.join(', ') });
      case 'invalid_union':
        return t('noAlternative');
      default:
        return t('invalid');
    }
  };
}

/** The field a refused issue is about, as the API names it (`skills[0].level`); empty for the input as a whole. */
const fieldPath = (path: readonly (string | number)[]) =>
  path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');

/**
 * The issues of an input the server refused (the API's `data.zodIssues`), one sentence per field in the UI's language.
 * A message the schema wrote itself has no catalogue entry: it reads as "not valid" for its field.
 * @example
 * describeZodIssues([{ code: 'too_small', path: ['name'], origin: 'string', minimum: 1, inclusive: true }], t) // "name：至少 1 个字符。"
 */
export function describeZodIssues(issues: readonly ZodIssueData[], t: ZodTranslate): string {
  const map = zodErrorMap(t);
  return issues
    .map((issue) => {
      // The map reads the issue's own fields; `input` is undefined only for an absent field (the server sends no values).
      const mapped = issue.custom ? undefined : map({ ...issue, input: issue.missing ? undefined : null } as never);
      const text = typeof mapped === 'string' ? mapped : (mapped?.message ?? t('invalid'));
      const field = fieldPath(issue.path);
      return field ? t('field', { field, problem: text }) : text;
    })
    .join(' ');
}
