// Next route for the tRPC API: /api/trpc/<procedure>.

import { getAuth } from '../../../_server/auth/server-auth';
import { getDatabase } from '../../../_server/db/server-database';
import { getEnv } from '../../../../schemas/server-env';
import { reportRouteErrors } from '../../../_server/http/report-route-errors';
import { createTrpcHandler } from '../../../_server/http/trpc-handler';

export const dynamic = 'force-dynamic';

let handler: Promise<(request: Request) => Promise<Response>> | undefined;

function getHandler() {
  handler ??= Promise.all([getDatabase(), getAuth()]).then(([database, auth]) => {
    const env = getEnv();
    return createTrpcHandler({
      db: database.db,
      auth,
      trustedOrigins: env.trustedOrigins,
      secretKey: env.secretKey,
      asrEngine: env.asrEngine,
    });
  });
  return handler;
}

const handle = reportRouteErrors('/api/trpc', async (request: Request) => (await getHandler())(request));

export { handle as GET, handle as POST };
