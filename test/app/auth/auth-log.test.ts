// The auth log never prints the SQL parameters that Drizzle puts into its error messages.

import { describe, expect, it } from 'vitest';
import { authLogLine } from '../../../app/_server/auth/auth-log';

/** Shaped like drizzle-orm's DrizzleQueryError (which keeps the name "Error"). */
class DrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    options: { cause: unknown },
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(',')}`, options);
  }
}

describe('auth log', () => {
  const token = 'Xk3vS9sessiontoken0123456789abcd';
  const failed = new DrizzleQueryError('select * from "sessions" where "token" = $1', [token], {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  });

  it('an error passed as an argument is shown by name, SQL text and database code, without its parameters', () => {
    const line = authLogLine('error', 'INTERNAL_SERVER_ERROR', [failed]);
    expect(line).toBe(
      '[auth] error: INTERNAL_SERVER_ERROR DrizzleQueryError query: select * from "sessions" where "token" = $1 ← Error (ECONNREFUSED)',
    );
    expect(line).not.toContain(token);
  });

  it('an error passed as the message itself is reduced the same way', () => {
    const line = authLogLine('error', failed, []);
    expect(line).toBe(
      '[auth] error: DrizzleQueryError query: select * from "sessions" where "token" = $1 ← Error (ECONNREFUSED)',
    );
  });

  it('an error message passed on as text is cut before its parameters', () => {
    const line = authLogLine('error', failed.message, []);
    expect(line).toBe('[auth] error: Failed query: select * from "sessions" where "token" = $1');
  });

  it("better-auth's own texts are kept, other values only by type", () => {
    expect(authLogLine('warn', 'Rate limit exceeded', [{ ip: '10.0.0.1' }])).toBe(
      '[auth] warn: Rate limit exceeded object',
    );
  });
});
