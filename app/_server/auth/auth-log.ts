// better-auth's logger without query details: Drizzle errors carry the failed SQL and its parameters
// (session tokens, e-mail addresses) in their message, and better-auth logs such errors as they are.

import { databaseUnavailableCode } from '../db/database-unavailable';

type AuthLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** One part of a log line: better-auth's own texts as they are, errors by name and code only. */
function describe(value: unknown): string {
  if (value instanceof Error) {
    const code = databaseUnavailableCode(value) ?? (value as { code?: unknown }).code;
    return typeof code === 'string' ? `${value.name} (${code})` : value.name;
  }
  if (typeof value === 'string') return value;
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
