// Next route for better-auth: sign-in, sign-out and session under /api/auth/*.

import { getAuth } from '../../../_server/auth/server-auth';
import { createAuthHandler } from '../../../_server/http/auth-handler';
import { reportRouteErrors } from '../../../_server/http/report-route-errors';

export const dynamic = 'force-dynamic';

const handle = reportRouteErrors('/api/auth', async (request: Request) => createAuthHandler(await getAuth())(request));

export { handle as GET, handle as POST };
