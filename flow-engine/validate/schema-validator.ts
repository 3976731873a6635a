// The ajv validator for schemas/flow.schema.json, compiled once on first use (compiling costs ~200 ms).

import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import flowSchema from '../../schemas/flow.schema.json';

let compiled: ValidateFunction | undefined;

function compile(): ValidateFunction {
  // verbose: errors carry the failing data and schema, which the messages quote.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
  addFormats(ajv, ['date-time']);
  // Annotation only: the admin-facing text for a `pattern`, read when translating errors.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  return ajv.compile(flowSchema);
}

/** Validate a document against the flow schema; returns ajv's raw errors (empty when valid). */
export function schemaErrors(doc: unknown): ErrorObject[] {
  compiled ??= compile();
  return compiled(doc) ? [] : [...(compiled.errors ?? [])];
}
