// better-auth configured for the studio: email + password (scrypt), http-only cookies, failed sign-in limits, roles.

import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import * as schema from '../../../schemas/db';
import { users } from '../../../schemas/db';
import type { Database } from '../../../schemas/database';
import { clientAddressHeader } from '../http/client-address';
import { logAuthEvent } from './auth-log';
import { sessionTokenOutOfBodiesPlugin } from './session-token-out-of-bodies';
import { signInThrottlePlugin } from './sign-in-throttle-plugin';

export interface AuthOptions {
  db: Database;
  secret: string;
  /** Public origin, e.g. http://127.0.0.1:3000; the auth routes live under /api/auth. */
  baseUrl: string;
  /** Origins allowed to post to the auth routes (better-auth refuses others: CSRF protection). */
  trustedOrigins: string[];
}

export const minPasswordLength = 12;

/** Builds the better-auth instance over the given database. */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    appName: 'Callflow Studio',
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    database: drizzleAdapter(options.db, { provider: 'pg', schema, usePlural: true }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by an admin (users.create) or at first start, never by visitors.
      disableSignUp: true,
      minPasswordLength,
    },
    // Names change through the studio's profile.update (name rules, uniqueness, audit), never here; nothing else a user
    // could set through /update-user (image) is used by the studio.
    disabledPaths: ['/update-user'],
    user: {
      additionalFields: {
        // input: false — nobody can give themselves a role through the auth endpoints.
        role: { type: 'string', required: false, defaultValue: 'viewer', input: false },
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    advanced: {
      // Explicit, because better-auth skips its origin (CSRF) check when NODE_ENV is "test"; tests must see production behaviour.
      disableOriginCheck: false,
      // The rate limit and sessions use the address the studio's server stamped from the socket (or trusted proxies),
      // never X-Forwarded-For as the client sent it.
      ipAddress: { ipAddressHeaders: [clientAddressHeader] },
    },
    // Failed queries must not reach the server log with their parameters (session tokens).
    logger: { log: logAuthEvent },
    // Failures that are not APIErrors (a failed query) are thrown to the route's one error path (report-route-errors.ts)
    // instead of being printed whole by better-call's console.error.
    onAPIError: { throw: true },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // better-auth turns rate limiting on only in production by default; it counts every request per address and path.
    // Sign-in is limited by failures instead (signInThrottlePlugin): better-auth's rule would refuse the sixth agent
    // signing in from one office address. Sign-out is not limited: a whole shift may leave from one address at once.
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': false, '/sign-out': false },
    },
    plugins: [signInThrottlePlugin(options.db), sessionTokenOutOfBodiesPlugin()],
    databaseHooks: {
      session: {
        create: {
          async before(session) {
            const [owner] = await options.db
              .select({ disabledAt: users.disabledAt })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!owner || owner.disabledAt) {
              throw new APIError('FORBIDDEN', {
                message: 'This account has been disabled. Ask an administrator to enable it.',
              });
            }
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
