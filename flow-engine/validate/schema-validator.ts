// Validates a document against schemas/flow.schema.json with ajv's standalone code, generated at
// `npm run schema:generate`: no schema compiling at run time, no `new Function` (a strict CSP forbids it), no ajv compiler
// in the browser bundle.

import type { ErrorObject, ValidateFunction } from 'ajv';
import { validate as generated } from './generated/flow-schema-validate.generated';

const check = generated as unknown as ValidateFunction;

/** Validate a document against the flow schema; returns ajv's raw errors (empty when valid). */
export function schemaErrors(doc: unknown): ErrorObject[] {
  return check(doc) ? [] : [...(check.errors ?? [])];
}
