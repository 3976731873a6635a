// Typed errors that routers attach as a TRPCError's cause; the error formatter passes their details to the UI.

import 'server-only';
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

/** Publishing was asked for a document identical to the latest version; nothing was created. */
export class UnchangedFlowError extends Error {
  override name = 'UnchangedFlowError';
  constructor(
    flowName: string,
    /** The latest version, which already holds this document. */
    readonly version: number,
  ) {
    super(
      `"${flowName}" is unchanged since version ${version}; nothing was published. Change the draft first, or bind a line to version ${version}.`,
    );
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

/** A save was based on a revision that someone else has since replaced; nothing was written. */
export class StaleRevisionError extends Error {
  override name = 'StaleRevisionError';
  constructor(
    readonly baseRevision: number,
    readonly current: { revision: number; savedBy: string | null; savedAt: Date; bySelf: boolean },
  ) {
    const when = `${current.savedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
    super(
      `${current.savedBy ?? 'Someone'} saved this flow at ${when} (revision ${current.revision}) after you opened revision ${baseRevision}. ` +
        'Your changes were not saved; reload the flow to see theirs, then make your changes again.',
    );
  }
}
