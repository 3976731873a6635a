// Seeds users and makes tRPC callers acting as them, for API tests that skip HTTP.

import { randomBytes, randomUUID } from 'node:crypto';
import { users, type Role } from '../../../schemas/db';
import type { Database } from '../../../schemas/database';
import { defaultTemplatesDir } from '../../../app/_server/flows/templates';
import { createCaller } from '../../../app/_server/routers/root';
import type { SessionUser } from '../../../app/_server/trpc';

/** Inserts a user row of the given role (no password: callers do not sign in); names are unique per studio. */
export async function seedUser(db: Database, role: Role, givenName?: string): Promise<SessionUser> {
  const id = randomUUID();
  const name = givenName ?? `Test ${role} ${id.slice(0, 8)}`;
  const email = `${role}-${id.slice(0, 8)}@example.test`;
  await db.insert(users).values({ id, name, email, role });
  return { id, name, email, role };
}

/** The integration-secret key of every test caller (random per run, as the real one is per deployment). */
export const testSecretKey = new Uint8Array(randomBytes(32));

export interface CallerOptions {
  /** Folder the `templates` query and create-from-template read (default: the project's templates/). */
  templatesDir?: string;
  /** CALLFLOW_ASR_ENGINE as the studio sees it; default `unimrcp` so templates with speech nodes publish, null for none. */
  asrEngine?: string | null;
}

/** The ASR engine test callers publish with unless told otherwise. */
export const testAsrEngine = 'unimrcp';

/** A caller acting as `user` (null: signed out), as a server component would call the API. */
export function callerFor(db: Database, user: SessionUser | null, options: CallerOptions = {}) {
  return createCaller({
    db,
    user,
    headers: new Headers(),
    transport: 'direct',
    trustedOrigins: [],
    secretKey: testSecretKey,
    templatesDir: options.templatesDir ?? defaultTemplatesDir,
    asrEngine: options.asrEngine === null ? undefined : (options.asrEngine ?? testAsrEngine),
  });
}

/** Seeds a user of `role` and returns a caller acting as them, with the user. */
export async function callerAs(db: Database, role: Role, name?: string, options?: CallerOptions) {
  const user = await seedUser(db, role, name);
  return { user, caller: callerFor(db, user, options) };
}
