// The signed-in user of a server-rendered page, resolved exactly as the tRPC context resolves it.

import 'server-only';
import { getDatabase } from '../db/server-database';
import { getEnv } from '../../../schemas/server-env';
import { createHttpContext, type SessionUser } from '../trpc';
import { getAuth } from './server-auth';

export async function currentUser(headers: Headers): Promise<SessionUser | null> {
  const [database, auth] = await Promise.all([getDatabase(), getAuth()]);
  const env = getEnv();
  const context = await createHttpContext({
    db: database.db,
    auth,
    headers,
    trustedOrigins: env.trustedOrigins,
    secretKey: env.secretKey,
    asrEngine: env.asrEngine,
  });
  return context.user;
}
