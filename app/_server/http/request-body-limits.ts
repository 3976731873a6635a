// How many bytes of request body each route of the studio accepts, and how its refusal reads. The studio's HTTP
// server enforces these on the socket stream before Next or a route reads anything (see body-byte-limit.ts).
// No 'server-only' import: the start-up launcher's HTTP server applies them.

import { audioLimits } from '../audio/audio-limits';
import { maxFlowBytes } from '../flows/flow-input';

const kib = 1024;

/** Body limits in bytes. Requests without a session cookie get `anonymous` wherever it is smaller. */
export const requestBodyLimits = {
  /** better-auth (sign-in, sign-out, update-user, change-password): a few short JSON fields. */
  auth: 16 * kib,
  /** tRPC: a 2 MB flow file grows when it is escaped into the JSON request; anything beyond this is not a flow. */
  trpc: 2 * maxFlowBytes,
  /** POST /api/audio: the largest recording plus the multipart framing around it (key, language, file name). */
  audio: audioLimits.maxRequestBytes,
  /** Pages and server actions (the language menu). */
  other: 64 * kib,
  /** Any request without a session cookie: sign-in fits, nothing else needs a body before signing in. */
  anonymous: 16 * kib,
} as const;

export type BodyRoute = 'auth' | 'trpc' | 'audio' | 'other';

export interface BodyLimit {
  route: BodyRoute;
  /** Most bytes of body accepted (after chunked decoding). */
  bytes: number;
}

/** better-auth's session cookie, with or without the `__Secure-` prefix it uses over HTTPS. */
const sessionCookie = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=[^;\s]/;

function routeOf(pathname: string): BodyRoute {
  if (pathname === '/api/auth' || pathname.startsWith('/api/auth/')) return 'auth';
  if (pathname === '/api/trpc' || pathname.startsWith('/api/trpc/')) return 'trpc';
  if (pathname === '/api/audio' || pathname.startsWith('/api/audio/')) return 'audio';
  return 'other';
}

/**
 * The limit for a request to `pathname`. Whether the session cookie is valid is checked later by the route; a forged
 * one only raises the cap to that route's signed-in limit.
 */
export function requestBodyLimit(pathname: string, cookieHeader: string | undefined): BodyLimit {
  const route = routeOf(pathname);
  const signedIn = sessionCookie.test(cookieHeader ?? '');
  return {
    route,
    bytes: signedIn ? requestBodyLimits[route] : Math.min(requestBodyLimits[route], requestBodyLimits.anonymous),
  };
}

function describeBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * The 413 answer in the shape the route's clients read: tRPC's error envelope, the audio upload's coded error
 * (the studio words `tooLarge` in the user's language), better-auth's `{ code, message }` elsewhere.
 */
export function bodyTooLargeAnswer(limit: BodyLimit, received: number): unknown {
  const message = `The request is larger than ${describeBytes(limit.bytes)}.`;
  switch (limit.route) {
    case 'trpc':
      return { error: { message, code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } };
    case 'audio':
      return {
        error: {
          code: 'tooLarge',
          message,
          params: { size: received, max: Math.min(limit.bytes, audioLimits.maxBytes) },
        },
      };
    default:
      return { code: 'PAYLOAD_TOO_LARGE', message };
  }
}
