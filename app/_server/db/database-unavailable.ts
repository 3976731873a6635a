// Recognises failures that mean PostgreSQL could not be reached (not a bad query) and names them with one typed error.

import 'server-only';
// postgres.js's own connection codes, and the Node socket errors it passes through unchanged.
const connectionCodes: ReadonlySet<string> = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// Failures to open a connection: the statement was never sent, so it cannot have applied. (A connection that
// drops mid-call may have delivered it; the server may even commit just before the drop.)
const neverSentCodes: ReadonlySet<string> = new Set([
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECTION_ENDED',
  '57P03',
]);

// SQLSTATEs sent by a server that is shutting down or not yet accepting connections:
// admin_shutdown (a restart or pg_terminate_backend), crash_shutdown, cannot_connect_now (starting up or in recovery).
const unavailableSqlStates: ReadonlySet<string> = new Set(['57P01', '57P02', '57P03']);

// Class 08 is "connection exception" (08000, 08003, 08006, …); a SQLSTATE is always five characters.
const connectionExceptionClass = /^08[0-9A-Z]{3}$/;

/** Nothing to show a user beyond "try again": the code is kept for logs, the driver's message (host, port, query) is not repeated. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  constructor(
    /** The driver, socket or SQLSTATE code that identified the outage, e.g. `CONNECTION_CLOSED` or `57P01`. */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`The database could not be reached (${code}).`, options);
  }

  /** True when the statement never reached the server (connecting failed), so nothing of it can have been written. */
  get neverSent(): boolean {
    return neverSentCodes.has(this.code);
  }
}

function isUnavailableCode(code: unknown): code is string {
  return (
    typeof code === 'string' &&
    (connectionCodes.has(code) || unavailableSqlStates.has(code) || connectionExceptionClass.test(code))
  );
}

/**
 * The code that shows `error` is a lost or refused database connection, or null for any other failure.
 * Looks through `cause` chains (Drizzle wraps driver errors in DrizzleQueryError) and AggregateError
 * members (Node reports a refused connection to each address of a host name that way).
 */
export function databaseUnavailableCode(error: unknown): string | null {
  const pending: unknown[] = [error];
  // Bounded so that a cyclic cause chain cannot loop forever.
  for (let visited = 0; pending.length > 0 && visited < 20; visited++) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null) continue;
    const code = (current as { code?: unknown }).code;
    if (isUnavailableCode(code)) return code;
    if (current instanceof AggregateError) pending.push(...(current.errors as unknown[]));
    const cause = (current as { cause?: unknown }).cause;
    if (cause !== undefined) pending.push(cause);
  }
  return null;
}

/** A DatabaseUnavailableError (with `error` as its cause) when `error` is an outage; null otherwise. */
export function asDatabaseUnavailable(error: unknown): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  const code = databaseUnavailableCode(error);
  return code === null ? null : new DatabaseUnavailableError(code, { cause: error });
}
