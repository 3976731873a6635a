// Audit router (admin): the record of who did what, filtered by actor, action, entity and time, newest first.

import 'server-only';
import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import * as z from 'zod';
import { auditLog, users } from '../../../schemas/db';
import { adminProcedure, createTRPCRouter } from '../trpc';
import { timestampInput } from '../validation/input-rules';
import { auditEntityNames } from '../audit/audit-entity-names';

/** Keyset cursor: the last row of the previous page, so pages stay stable while new rows arrive. */
const cursor = z.object({ at: timestampInput('The cursor time'), id: z.number().int().positive() });

export const auditRouter = createTRPCRouter({
  list: adminProcedure
    .input(
      z
        .object({
          actorId: z.string().min(1).max(200).optional(),
          /** Exact action, e.g. `version.publish`. */
          action: z.string().min(1).max(100).optional(),
          entityType: z.string().min(1).max(100).optional(),
          entityId: z.string().min(1).max(200).optional(),
          from: timestampInput('The start of the time range').optional(),
          to: timestampInput('The end of the time range').optional(),
          limit: z.number().int().min(1).max(200).default(50),
          cursor: cursor.optional(),
        })
        .refine((i) => !i.from || !i.to || i.from <= i.to, {
          message: 'The start of the time range must not be after its end.',
          path: ['from'],
        }),
    )
    .query(async ({ ctx, input }) => {
      const filters: (SQL | undefined)[] = [
        input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
        input.action ? eq(auditLog.action, input.action) : undefined,
        input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
        input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
        input.from ? gte(auditLog.at, input.from) : undefined,
        input.to ? lte(auditLog.at, input.to) : undefined,
        input.cursor
          ? or(
              lt(auditLog.at, input.cursor.at),
              and(eq(auditLog.at, input.cursor.at), lt(auditLog.id, input.cursor.id)),
            )
          : undefined,
      ];
      const rows = await ctx.db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          action: auditLog.action,
          entityType: auditLog.entityType,
          entityId: auditLog.entityId,
          actorId: auditLog.actorId,
          actorName: users.name,
          actorEmail: users.email,
          before: auditLog.before,
          after: auditLog.after,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(and(...filters))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      const names = await auditEntityNames(ctx.db, page);
      const entries = page.map((row, i) => ({ ...row, entityName: names[i] ?? null }));
      const last = entries[entries.length - 1];
      return { entries, nextCursor: rows.length > input.limit && last ? { at: last.at, id: last.id } : null };
    }),
});
