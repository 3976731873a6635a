// Writes one audit_log row; every router calls it inside the transaction that makes the change.

import type { Executor } from './database';
import { auditLog } from './db';

export interface AuditEntry {
  /** Who acted; null for changes the system makes itself (e.g. the first admin at start-up). */
  actor: { id: string } | null;
  /** Dotted verb, e.g. `flow.saveDraft`, `version.publish`, `user.setRole`. */
  action: string;
  entityType: string;
  entityId: string;
  /** State before and after; callers must leave secrets out (they are write-only). */
  before?: unknown;
  after?: unknown;
}

/**
 * Records an action in the audit log, in the caller's transaction so that the change and its record commit together.
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.update(users).set({ role }).where(eq(users.id, id));
 *   await recordAudit(tx, { actor: ctx.user, action: 'user.setRole', entityType: 'user', entityId: id, before: { role: old }, after: { role } });
 * });
 */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
