// Next route for better-auth: sign-in, sign-out and session under /api/auth/*.

import { getAuth } from '../../../_server/auth/server-auth';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export { handle as GET, handle as POST };
