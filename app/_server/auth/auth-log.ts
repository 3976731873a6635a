// better-auth's logger without query details: Drizzle errors carry the failed SQL and its parameters
// (session tokens, e-mail addresses) in their message, and better-auth logs such errors, or their message, as they are.

import 'server-only';
import { describeErrorChain } from '../internal-error';

type AuthLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** One part of a log line: better-auth's own texts (cut before a query's `params:`), errors as the API log describes them. */
function describe(value: unknown): string {
  if (value instanceof Error) return describeErrorChain(value).join(' ← ');
  if (typeof value === 'string') {
    // A Drizzle message passed on as text: "Failed query: <sql>\nparams: <values>".
    const params = value.search(/\bparams:/);
    return params === -1 ? value : value.slice(0, params).trimEnd();
  }
  return typeof value;
}

/** The line written for a better-auth log call (exported for tests). */
export function authLogLine(level: AuthLogLevel, message: unknown, args: unknown[]): string {
  return `[auth] ${level}: ${[message, ...args].map(describe).filter(Boolean).join(' ')}`;
}

/** better-auth `logger.log`: errors and warnings to stderr, the rest to stdout, never a query parameter. */
export function logAuthEvent(level: AuthLogLevel, message: string, ...args: unknown[]): void {
  const line = authLogLine(level, message, args);
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}
