// Sets a new password on a user's email + password account and signs them out everywhere (users.resetPassword and
// `callflow admin reset-password`). No 'server-only' import: the CLI uses it.

import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor } from './database';
import { accounts, sessions, users } from './db';
import { recordAudit } from './record-audit';

export class UnknownUserError extends Error {
  override name = 'UnknownUserError';
}

/** A password strong enough to print once and type once (24 characters of base64url). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export interface PasswordReset {
  userId: string;
  /** Who asked: an administrator's id, or null for the command line on the server. */
  actorId: string | null;
  password: string;
  /** Recorded in the audit log (never the password), e.g. "callflow admin reset-password". */
  via: string;
}

/**
 * Replaces the credential account's password hash (creating the account if the user had none), deletes every session
 * of the user, and records it in the audit log; call inside a transaction.
 */
export async function resetPassword(
  tx: Executor,
  reset: PasswordReset,
): Promise<{ id: string; email: string; disabled: boolean }> {
  const [user] = await tx
    .select({ id: users.id, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, reset.userId));
  if (!user) throw new UnknownUserError('That user does not exist.');
  const hash = await hashPassword(reset.password);
  const updated = await tx
    .update(accounts)
    .set({ password: hash, updatedAt: new Date() })
    .where(and(eq(accounts.userId, user.id), eq(accounts.providerId, 'credential')))
    .returning({ id: accounts.id });
  if (updated.length === 0)
    await tx
      .insert(accounts)
      .values({ id: randomUUID(), accountId: user.id, providerId: 'credential', userId: user.id, password: hash });
  // Whoever knew the old password is signed out.
  await tx.delete(sessions).where(eq(sessions.userId, user.id));
  await recordAudit(tx, {
    actor: reset.actorId ? { id: reset.actorId } : null,
    action: 'user.resetPassword',
    entityType: 'user',
    entityId: user.id,
    after: { via: reset.via },
  });
  return { id: user.id, email: user.email, disabled: user.disabledAt !== null };
}

/** The user with this email (compared lower-cased, as accounts are stored), or null. */
export async function findUserIdByEmail(executor: Executor, email: string): Promise<string | null> {
  const [user] = await executor.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user?.id ?? null;
}
