// Recognises PostgreSQL's unique_violation (23505) whichever driver raised it and however Drizzle wrapped it.

const UNIQUE_VIOLATION = '23505';

/** True when `error` (or an error in its `cause` chain) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    if ((current as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
