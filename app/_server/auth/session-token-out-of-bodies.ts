// better-auth plugin that keeps session tokens out of JSON bodies. better-auth 1.6.9 returns the token in the body of
// /get-session (session.token), /list-sessions (each session's token) and /sign-in/email (token), and has no option
// to leave it out; script on a page (XSS) could read it there although the cookie is HttpOnly. The studio reads
// sessions only from the cookie, server-side, so an after hook drops the field. Nothing in the studio uses better-auth's
// bearer plugin or revokes a session by token from the browser, which would need it.

import 'server-only';
import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware, isAPIError } from 'better-auth/api';

type Body = Record<string, unknown>;

function withoutToken(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { token: _token, ...rest } = value as Body;
  return rest;
}

const strip: Record<string, (body: unknown) => unknown> = {
  '/get-session': (body) =>
    body && typeof body === 'object' ? { ...(body as Body), session: withoutToken((body as Body).session) } : body,
  '/list-sessions': (body) => (Array.isArray(body) ? body.map(withoutToken) : body),
  '/sign-in/email': withoutToken,
};

export function sessionTokenOutOfBodiesPlugin() {
  return {
    id: 'callflow-session-token-out-of-bodies',
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path !== undefined && Object.hasOwn(strip, ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            const returned: unknown = ctx.context.returned;
            if (!returned || isAPIError(returned)) return;
            const stripToken = strip[ctx.path];
            if (!stripToken) return; // the matcher only lets listed paths through
            return ctx.json(stripToken(returned) as Body);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
