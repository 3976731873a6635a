// An unexpected server failure as users see it (a generic sentence with an error id) and as the log records it
// (the same id, error names, codes, the SQL text and the stack, but never query parameters
// or driver messages that may quote them).

import { randomBytes } from 'node:crypto';
import { DrizzleQueryError } from 'drizzle-orm/errors';

/** Stands in for an internal error once it has been logged; only its id travels to the client. */
export class ReportedInternalError extends Error {
  override name = 'ReportedInternalError';
  constructor(readonly errorId: string) {
    super(`Something went wrong on the server (error id ${errorId}); nothing more is shown here. If it happens again, give an administrator this id: the details are in the server log.`);
  }
}

/** Name, code and SQL of each error in the cause chain; a query's parameters and the messages that repeat them are left out. */
function describeChain(error: unknown): string[] {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    const code = (current as { code?: unknown }).code;
    const hasCode = typeof code === 'string' || typeof code === 'number';
    // DrizzleQueryError keeps the generic name "Error".
    const name = current instanceof DrizzleQueryError ? 'DrizzleQueryError' : current.name;
    // Driver errors (they have a SQLSTATE or driver code) may quote a value in their message; programming errors do not.
    let part = hasCode ? `${name} (${code})` : current instanceof DrizzleQueryError ? name : `${name}: ${current.message.slice(0, 300)}`;
    // A DrizzleQueryError's message is "Failed query: … params: …"; its query text alone has only placeholders.
    if (current instanceof DrizzleQueryError) part += ` query: ${current.query.replace(/\s+/g, ' ').slice(0, 500)}`;
    parts.push(part);
    current = current.cause;
  }
  return parts;
}

/** The stack frames of the innermost error, without its first line (which repeats the message). */
function frames(error: unknown): string {
  let innermost: unknown = error;
  while (innermost instanceof Error && innermost.cause instanceof Error) innermost = innermost.cause;
  const stack = innermost instanceof Error ? (innermost.stack ?? '') : '';
  return stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12)
    .join('\n');
}

/** The line the server log gets for an internal error (exported for tests). */
export function internalErrorLogLine(errorId: string, where: string, error: unknown): string {
  const chain = describeChain(error);
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
