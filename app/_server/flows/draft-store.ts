// Optimistic concurrency for flow drafts: a change applies only to the revision it was based on, atomically.

import 'server-only';
import { TRPCError } from '@trpc/server';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { FlowDocument } from '../../../flow-engine/document';
import { flows, users } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';
import { StaleRevisionError } from '../errors';
import { CodedError } from '../coded-error';

export interface DraftChange {
  flowId: string;
  /** The revision the editor loaded; the change is refused if the flow has moved on. */
  baseRevision: number;
  actorId: string;
  /** The new draft, or an SQL expression over the current one (e.g. replacing only `tests`). */
  draft: FlowDocument | SQL;
  name?: string;
}

export interface SavedDraft {
  revision: number;
  updatedAt: Date;
}

/** The flow's current revision and who saved it, for a conflict message. */
async function lastSave(executor: Executor, flowId: string) {
  const [row] = await executor
    .select({
      name: flows.name,
      revision: flows.revision,
      archivedAt: flows.archivedAt,
      savedAt: flows.updatedAt,
      savedBy: users.name,
      savedById: flows.updatedBy,
    })
    .from(flows)
    .leftJoin(users, eq(users.id, flows.updatedBy))
    .where(eq(flows.id, flowId));
  return row;
}

export function flowNotFound(): TRPCError {
  return new CodedError('NOT_FOUND', 'flowNotFound', {}, 'That flow does not exist.');
}

export function flowArchived(name: string): TRPCError {
  return new CodedError(
    'BAD_REQUEST',
    'flowArchived',
    { name },
    `The flow "${name}" is archived; restore it before changing it.`,
  );
}

/**
 * Writes the change with one `UPDATE … WHERE revision = base RETURNING`, so of two saves based on the
 * same revision exactly one wins; the other gets CONFLICT naming who saved last and when.
 */
export async function saveDraftIfCurrent(executor: Executor, change: DraftChange): Promise<SavedDraft> {
  const [saved] = await executor
    .update(flows)
    .set({
      draft: change.draft,
      ...(change.name === undefined ? {} : { name: change.name }),
      revision: sql`${flows.revision} + 1`,
      updatedBy: change.actorId,
      updatedAt: new Date(),
    })
    .where(and(eq(flows.id, change.flowId), eq(flows.revision, change.baseRevision), sql`${flows.archivedAt} is null`))
    .returning({ revision: flows.revision, updatedAt: flows.updatedAt, name: flows.name });
  if (saved) return { revision: saved.revision, updatedAt: saved.updatedAt };

  const current = await lastSave(executor, change.flowId);
  if (!current) throw flowNotFound();
  if (current.archivedAt) throw flowArchived(current.name);
  // The same account saved last: the editor says "your other tab or window" rather than naming the user to themself.
  const stale = new StaleRevisionError(change.baseRevision, {
    revision: current.revision,
    savedBy: current.savedBy,
    savedAt: current.savedAt,
    bySelf: current.savedById === change.actorId,
  });
  throw new TRPCError({ code: 'CONFLICT', message: stale.message, cause: stale });
}
