// The auth log never prints the SQL parameters that Drizzle puts into its error messages.

import { describe, expect, it } from 'vitest';
import { authLogLine } from '../../../app/_server/auth/auth-log';

class DrizzleQueryError extends Error {
  override name = 'DrizzleQueryError';
}

describe('auth log', () => {
  const token = 'Xk3vS9sessiontoken0123456789abcd';
  const failed = new DrizzleQueryError(`Failed query: select * from "sessions" where "token" = $1\nparams: ${token}`, {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  });

  it('an error passed as an argument is shown by name and database code, without the query or its parameters', () => {
    const line = authLogLine('error', 'INTERNAL_SERVER_ERROR', [failed]);
    expect(line).toBe('[auth] error: INTERNAL_SERVER_ERROR DrizzleQueryError (ECONNREFUSED)');
    expect(line).not.toContain(token);
  });

  it('an error passed as the message itself is reduced the same way', () => {
    const line = authLogLine('error', failed, []);
    expect(line).toBe('[auth] error: DrizzleQueryError (ECONNREFUSED)');
  });

  it("better-auth's own texts are kept, other values only by type", () => {
    expect(authLogLine('warn', 'Rate limit exceeded', [{ ip: '10.0.0.1' }])).toBe('[auth] warn: Rate limit exceeded object');
  });
});
