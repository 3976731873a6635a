// Makes sure the studio has an administrator: generated on the embedded database, from ADMIN_* on a real one.
// No 'server-only' import: the start-up launcher runs this before Next starts.

import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { users } from '../../../schemas/db';
import { recordAudit } from '../../../schemas/record-audit';
import type { Database } from '../../../schemas/database';
import { isUniqueViolation } from '../db/unique-violation';
import type { ServerEnv } from '../../../schemas/server-env';
import { createUserWithPassword, EmailTakenError } from './create-user';
import { oneRow } from '../db/one-row';

export const defaultAdminEmail = 'admin@callflow.local';

export type BootstrapResult =
  | { created: false }
  /** `password` is set only when it was generated here; it is shown once and stored nowhere but as a hash. */
  | { created: true; email: string; password: string | undefined };

export class BootstrapError extends Error {
  override name = 'BootstrapError';
}

type BootstrapEnv = Pick<ServerEnv, 'databaseUrl' | 'adminEmail' | 'adminPassword'>;

async function hasAdmin(db: Database): Promise<boolean> {
  const { admins } = oneRow(
    await db.select({ admins: count() }).from(users).where(eq(users.role, 'admin')),
    'the admin count',
  );
  return admins > 0;
}

/** Creates the first admin when the database has none; does nothing once one exists. */
export async function bootstrapAdmin(db: Database, env: BootstrapEnv): Promise<BootstrapResult> {
  if (await hasAdmin(db)) return { created: false };

  let email = env.adminEmail;
  let password = env.adminPassword;
  let generated: string | undefined;
  if (env.databaseUrl) {
    // A shared server gets its first admin from the operator, never a password printed to a log.
    if (!email || !password) {
      throw new BootstrapError(
        'No administrator exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD (12+ characters) to create the first one.',
      );
    }
  } else {
    email ??= defaultAdminEmail;
    if (!password) {
      generated = randomBytes(18).toString('base64url');
      password = generated;
    }
  }

  try {
    const admin = await db.transaction(async (tx) => {
      const user = await createUserWithPassword(tx, {
        name: 'Administrator',
        email: email,
        password: password,
        role: 'admin',
      });
      await recordAudit(tx, {
        actor: null,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, role: 'admin', reason: 'first start' },
      });
      return user;
    });
    return { created: true, email: admin.email, password: generated };
  } catch (error) {
    if (error instanceof EmailTakenError || isUniqueViolation(error)) {
      // Another process starting at the same moment created the admin first.
      if (await hasAdmin(db)) return { created: false };
      throw new BootstrapError(
        `No administrator exists, and ${email} is already used by another account; set ADMIN_EMAIL to a different address.`,
      );
    }
    throw error;
  }
}
