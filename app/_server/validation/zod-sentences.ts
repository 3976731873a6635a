// Turns zod's issues into sentences a person reads, one per field ("name cannot be empty."), instead of a JSON dump.

import 'server-only';
import * as z from 'zod';
import type { ZodError } from 'zod';
import { describeInputPath } from './input-limits';

type Issue = ZodError['issues'][number];

const english = z.locales.en();

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  bigint: 'a whole number',
};

const formatNames: Record<string, string> = {
  uuid: 'a UUID',
  email: 'an email address',
  url: 'a URL',
  datetime: 'an ISO 8601 date and time',
  date: 'a date (YYYY-MM-DD)',
};

const plural = (n: number | bigint, word: string) => `${n} ${word}${Number(n) === 1 ? '' : 's'}`;

function unitOf(origin: string, n: number | bigint): string {
  if (origin === 'string') return plural(n, 'character');
  if (origin === 'array' || origin === 'set') return plural(n, 'item');
  return String(n);
}

/** What zod's own (English) message says in a sentence; custom messages are already sentences. */
function predicate(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue) ? 'is required.' : `must be ${typeNames[issue.expected] ?? issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'cannot be empty.';
      if (issue.origin === 'number') return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}.`;
      return `must have at least ${unitOf(issue.origin, issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'number') return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}.`;
      return `can have at most ${unitOf(issue.origin, issue.maximum)}.`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}.`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_format':
      return formatNames[issue.format] ? `must be ${formatNames[issue.format]}.` : 'is not in the expected format.';
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
    case 'invalid_union':
      return 'is not one of the accepted kinds of value.';
    default:
      return 'is not valid.';
  }
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** zod wrote the issue's message itself (the schema chose none), so it can be reworded or translated. */
export function hasDefaultMessage(issue: Issue): boolean {
  return english.localeError(issue as Parameters<typeof english.localeError>[0]) === issue.message;
}

/** zod's way of saying a field was absent: its inputs are not kept in the error, only this message. */
export const isMissing = (issue: Issue) =>
  issue.code === 'invalid_type' && issue.message.endsWith('received undefined');

/** One issue as a sentence: zod's default messages are rewritten, messages the schema chose are kept and prefixed by the field. */
export function describeZodIssue(issue: Issue): string {
  const field =
    issue.path.length === 0 ? '' : describeInputPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  if (!hasDefaultMessage(issue)) return field ? `${field}: ${sentence(issue.message)}` : sentence(issue.message);
  const subject = field || 'The input';
  return `${subject} ${predicate(issue)}`;
}

/** Every issue as a sentence, joined into one message (the UI gets the per-field list separately). */
export function describeZodError(error: ZodError): string {
  return error.issues.map(describeZodIssue).join(' ');
}
