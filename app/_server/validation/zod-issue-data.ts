// The issues of an input the server refused, as data the studio words in the UI language (app/_lib/zod-error-map.ts):
// the code, the field's path and the limits zod reports, never the value that was sent (it may be a secret).

import 'server-only';
import type { ZodError } from 'zod';
import { hasDefaultMessage, isMissing } from './zod-sentences';

/** One refused field: what zod's error map needs to word it, without the input. */
export interface ZodIssueData {
  code: string;
  path: (string | number)[];
  /** The field was absent (zod's `invalid_type` with no input): "required". */
  missing?: boolean;
  /** The schema wrote its own (English) message, which no catalogue holds: the studio says "not valid". */
  custom?: boolean;
  origin?: string;
  expected?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  format?: string;
  divisor?: number;
  values?: (string | number | boolean | null)[];
  keys?: string[];
}

const scalar = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * @example
 * zodIssueData(z.object({ name: z.string().min(1) }).safeParse({ name: '' }).error)
 * // → [{ code: 'too_small', path: ['name'], origin: 'string', minimum: 1, inclusive: true }]
 */
export function zodIssueData(error: ZodError): ZodIssueData[] {
  return error.issues.map((issue) => {
    const data: ZodIssueData = {
      code: issue.code,
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    };
    if (!hasDefaultMessage(issue)) return { ...data, custom: true };
    switch (issue.code) {
      case 'invalid_type':
        return { ...data, expected: issue.expected, ...(isMissing(issue) && { missing: true }) };
      case 'too_small':
        return { ...data, origin: issue.origin, minimum: Number(issue.minimum), inclusive: issue.inclusive !== false };
      case 'too_big':
        return { ...data, origin: issue.origin, maximum: Number(issue.maximum), inclusive: issue.inclusive !== false };
      case 'invalid_format':
        return { ...data, format: issue.format };
      case 'not_multiple_of':
        return { ...data, divisor: Number(issue.divisor) };
      case 'invalid_value':
        return { ...data, values: issue.values.filter(scalar) };
      case 'unrecognized_keys':
        return { ...data, keys: issue.keys };
      default:
        return data;
    }
  });
}
