// Serves the tRPC API over HTTP (fetch Request → Response) with the session from better-auth's cookie. The body has been
// bounded by the studio's HTTP server (request-body-limits.ts) before it gets here.

import 'server-only';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Auth } from '../auth/auth';
import type { Database } from '../../../schemas/database';
import { appRouter } from '../routers/root';
import { createHttpContext } from '../trpc';

export interface TrpcHandlerOptions {
  db: Database;
  auth: Auth;
  trustedOrigins: readonly string[];
  secretKey: Uint8Array;
  templatesDir?: string;
  /** CALLFLOW_ASR_ENGINE (ServerEnv.asrEngine). */
  asrEngine?: string;
}

export function createTrpcHandler(options: TrpcHandlerOptions): (request: Request) => Promise<Response> {
  return (request) =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      createContext: () =>
        createHttpContext({
          db: options.db,
          auth: options.auth,
          headers: request.headers,
          trustedOrigins: options.trustedOrigins,
          secretKey: options.secretKey,
          templatesDir: options.templatesDir,
          asrEngine: options.asrEngine,
        }),
    });
}
