// An unexpected server failure as users see it (a generic sentence with an error id) and as the log records it
// (the same id, error names, codes, the SQL text and the stack frames, but never messages, which may quote query
// parameters or request data).

import 'server-only';
import { randomBytes } from 'node:crypto';

/** Stands in for an internal error once it has been logged; only its id travels to the client. */
export class ReportedInternalError extends Error {
  override name = 'ReportedInternalError';
  constructor(readonly errorId: string) {
    super(
      `Something went wrong on the server (error id ${errorId}); nothing more is shown here. If it happens again, give an administrator this id: the details are in the server log.`,
    );
  }
}

/** A failed Drizzle query, recognised by its shape: `instanceof` fails when Next's build and the launcher load separate copies of drizzle-orm. */
function queryText(error: Error): string | null {
  const { query, params } = error as { query?: unknown; params?: unknown };
  return typeof query === 'string' && Array.isArray(params) ? query : null;
}

/**
 * Name, code and SQL of each error in the cause chain, whatever its class. Messages are left out: a driver's or a
 * query's message may quote a parameter ("Failed query: … params: …"), JSON.parse's quotes its input. Only an error
 * marked `logsMessage: true` (its message names the installation's files, never request data) has it logged.
 */
export function describeErrorChain(error: unknown): string[] {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    const code = (current as { code?: unknown }).code;
    const query = queryText(current);
    // DrizzleQueryError keeps the generic name "Error".
    let part = query !== null && current.name === 'Error' ? 'DrizzleQueryError' : current.name;
    if (typeof code === 'string' || typeof code === 'number') part += ` (${code})`;
    // An error that speaks only of the installation (a broken file of the operator's) opts in to having its message logged.
    if ((current as { logsMessage?: unknown }).logsMessage === true) part += `: ${current.message.slice(0, 500)}`;
    // The query text alone has only placeholders.
    if (query !== null) part += ` query: ${query.replace(/\s+/g, ' ').slice(0, 500)}`;
    parts.push(part);
    current = current.cause;
  }
  return parts;
}

/** The stack frames of the innermost error, without the message the stack starts with (it may span lines). */
function frames(error: unknown): string {
  let innermost: unknown = error;
  while (innermost instanceof Error && innermost.cause instanceof Error) innermost = innermost.cause;
  if (!(innermost instanceof Error)) return '';
  let stack = innermost.stack ?? '';
  const messageAt = innermost.message ? stack.indexOf(innermost.message) : -1;
  if (messageAt !== -1) stack = stack.slice(messageAt + innermost.message.length);
  return stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12)
    .join('\n');
}

/** The line the server log gets for an internal error (exported for tests). */
export function internalErrorLogLine(errorId: string, where: string, error: unknown): string {
  const chain = describeErrorChain(error);
  const what = chain.length > 0 ? chain.join(' ← ') : typeof error;
  const stack = frames(error);
  return `[api] error ${errorId} in ${where}: ${what}${stack ? `\n${stack}` : ''}`;
}

/** Logs `error` under a new id and returns what the client may see instead. */
export function reportInternalError(error: unknown, where: string): ReportedInternalError {
  if (error instanceof ReportedInternalError) return error;
  const errorId = randomBytes(6).toString('hex');
  console.error(internalErrorLogLine(errorId, where, error));
  return new ReportedInternalError(errorId);
}
