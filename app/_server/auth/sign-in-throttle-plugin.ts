// better-auth plugin that applies the failed sign-in limits (sign-in-throttle.ts) to /sign-in/email: before the
// password is checked the attempt is counted, or refused with 429 and a sentence saying when to try again; after it,
// a success is taken back. Hooks, not better-auth's own rate limiter, because that one counts successes too.

import 'server-only';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, getIp, isAPIError } from 'better-auth/api';
import type { Executor } from '../../../schemas/database';
import { reserveSignInAttempt, settleSignInAttempt, type SignInAttempt, type SignInRefusal } from './sign-in-throttle';

const signInPath = '/sign-in/email';

/** The body's `code` of a throttled sign-in; the sign-in page words its own message from it and `retryAfterSeconds`. */
export const signInThrottledCodes = {
  account: 'SIGN_IN_THROTTLED_ACCOUNT',
  address: 'SIGN_IN_THROTTLED_ADDRESS',
} as const;

function refusalMessage(refusal: SignInRefusal): string {
  const minutes = Math.ceil(refusal.retryAfterSeconds / 60);
  const wait = `Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  return refusal.kind === 'account'
    ? `Too many failed sign-ins for this account. ${wait}`
    : `Too many failed sign-ins from your network. ${wait}`;
}

/** The parts of better-auth's hook context read here (the parsed body and the request's headers). */
interface HookContext {
  body?: unknown;
  headers?: Headers;
  request?: Request;
  context: { options: Parameters<typeof getIp>[1] };
}

function attemptOf(ctx: HookContext): SignInAttempt {
  const email = ctx.body && typeof ctx.body === 'object' && 'email' in ctx.body ? ctx.body.email : undefined;
  // The address the studio's server stamped (advanced.ipAddress in auth.ts), the same one sessions record.
  const headers = ctx.headers ?? ctx.request?.headers;
  return {
    email: typeof email === 'string' ? email : undefined,
    address: (headers && getIp(headers, ctx.context.options)) || undefined,
  };
}

export function signInThrottlePlugin(db: Executor) {
  return {
    id: 'callflow-sign-in-throttle',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === signInPath,
          handler: createAuthMiddleware(async (ctx) => {
            const refusal = await reserveSignInAttempt(db, attemptOf(ctx));
            if (refusal) {
              throw new APIError(
                'TOO_MANY_REQUESTS',
                {
                  message: refusalMessage(refusal),
                  code: signInThrottledCodes[refusal.kind],
                  retryAfterSeconds: refusal.retryAfterSeconds,
                },
                { 'Retry-After': String(refusal.retryAfterSeconds) },
              );
            }
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === signInPath,
          handler: createAuthMiddleware(async (ctx) => {
            const returned: unknown = ctx.context.returned;
            await settleSignInAttempt(db, attemptOf(ctx), returned && !isAPIError(returned) ? 'succeeded' : 'failed');
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
