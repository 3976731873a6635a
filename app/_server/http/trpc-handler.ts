// Serves the tRPC API over HTTP (fetch Request → Response) with the session from better-auth's cookie.

import 'server-only';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Auth } from '../auth/auth';
import type { Database } from '../db/client';
import { maxFlowBytes } from '../flows/flow-input';
import { appRouter } from '../routers/root';
import { createHttpContext } from '../trpc';
import { BodyTooLargeError, limitRequestBody } from './limit-request-body';

export interface TrpcHandlerOptions {
  db: Database;
  auth: Auth;
  trustedOrigins: readonly string[];
  secretKey: Uint8Array;
  templatesDir?: string;
  /** CALLFLOW_ASR_ENGINE (ServerEnv.asrEngine). */
  asrEngine?: string;
}

// A 2 MB flow file grows when it is escaped into the JSON request; anything beyond this is not a flow.
const maxRequestBytes = 2 * maxFlowBytes;

export function createTrpcHandler(options: TrpcHandlerOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    let limited: Request;
    try {
      limited = await limitRequestBody(request, maxRequestBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return Response.json({ error: { message: error.message, code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } }, { status: 413 });
    }
    return fetchRequestHandler({
      endpoint: '/api/trpc',
      req: limited,
      router: appRouter,
      createContext: () =>
        createHttpContext({ db: options.db, auth: options.auth, headers: limited.headers, trustedOrigins: options.trustedOrigins, secretKey: options.secretKey, templatesDir: options.templatesDir, asrEngine: options.asrEngine }),
    });
  };
}
