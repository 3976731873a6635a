// The server process's better-auth instance, built once over the process's database.

import 'server-only';
import { getDatabase } from '../db/server-database';
import { getEnv } from '../../../schemas/server-env';
import { createAuth, type Auth } from './auth';

const holder = globalThis as typeof globalThis & { callflowAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  holder.callflowAuth ??= getDatabase().then((handle) => {
    const env = getEnv();
    return createAuth({
      db: handle.db,
      secret: env.betterAuthSecret,
      baseUrl: env.baseUrl,
      trustedOrigins: env.trustedOrigins,
    });
  });
  return holder.callflowAuth;
}
