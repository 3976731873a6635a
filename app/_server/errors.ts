// Typed errors that routers attach as a TRPCError's cause; the error formatter passes their details to the UI.

import type { ValidationIssue } from '../../flow-engine/validate/validation-issue';

/** A flow document failed validation; `issues` lists every error (and warning) with node id and JSON path. */
export class InvalidFlowError extends Error {
  override name = 'InvalidFlowError';
  constructor(
    message: string,
    readonly issues: ValidationIssue[],
  ) {
    super(message);
  }
}

/** Text that is not JSON, with the 1-based line and column where parsing stopped. */
export class MalformedJsonError extends Error {
  override name = 'MalformedJsonError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}
