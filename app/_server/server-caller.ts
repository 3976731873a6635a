// The tRPC API called from server components as the request's signed-in user: same procedures, roles and checks as HTTP.

import 'server-only';
import { headers } from 'next/headers';
import { getAuth } from './auth/server-auth';
import { getDatabase } from './db/server-database';
import { getEnv } from '../../schemas/server-env';
import { createCaller } from './routers/root';
import { createHttpContext } from './trpc';

/** `const api = await serverCaller(); const page = await api.flows.list({})` in a server component. */
export async function serverCaller() {
  const [database, auth, headerList] = await Promise.all([getDatabase(), getAuth(), headers()]);
  const env = getEnv();
  const context = await createHttpContext({
    db: database.db,
    auth,
    headers: headerList,
    trustedOrigins: env.trustedOrigins,
    secretKey: env.secretKey,
    asrEngine: env.asrEngine,
  });
  return createCaller(context);
}
