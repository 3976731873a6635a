// Schedules router: business hours that `schedule` nodes reference by key; definitions checked by the engine's shape.

import 'server-only';
import { asc, eq } from 'drizzle-orm';
import * as z from 'zod';
import { checkSchedule, isValidTimeZone, scheduleDefinition } from '../../../../flow-engine/schedule';
import { schedules } from '../../../../schemas/db';
import { recordAudit } from '../../../../schemas/record-audit';
import { createTRPCRouter, designerProcedure, viewerProcedure } from '../../trpc';
import { keyConflict, notFound, resourceId, resourceKey } from './resource-input';
import { assertNotServed } from '../../resources/resource-in-use';
import { oneRow } from '../../db/one-row';

// A saved schedule is one a call can evaluate: the engine's own check (dates that exist, holidays ending after
// they start), so a definition the router takes never fails every call through it.
const definition = scheduleDefinition.superRefine((value, ctx) => {
  if (!isValidTimeZone(value.timezone)) {
    ctx.addIssue({
      code: 'custom',
      path: ['timezone'],
      message: `"${value.timezone}" is not a known time zone; use an IANA name such as Asia/Shanghai.`,
    });
    return;
  }
  // A field the shape already refused (a time such as 9am) has its message; the engine would repeat it.
  if (ctx.issues.length > 0) return;
  const problem = checkSchedule(value);
  if (problem) {
    const path = problem.path
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    ctx.addIssue({ code: 'custom', path, message: problem.message });
  }
});

const name = z.string().trim().max(200, 'The name may have at most 200 characters.');

type ScheduleRow = typeof schedules.$inferSelect;
const auditView = (row: ScheduleRow) => ({ key: row.key, name: row.name, definition: row.definition });

export const schedulesRouter = createTRPCRouter({
  list: viewerProcedure.query(({ ctx }) => ctx.db.select().from(schedules).orderBy(asc(schedules.key))),

  get: viewerProcedure.input(z.object({ id: resourceId })).query(async ({ ctx, input }) => {
    const [row] = await ctx.db.select().from(schedules).where(eq(schedules.id, input.id));
    if (!row) throw notFound('schedule');
    return row;
  }),

  create: designerProcedure
    .input(z.object({ key: resourceKey, name: name.default(''), definition }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db
        .transaction(async (tx) => {
          const row = oneRow(await tx.insert(schedules).values(input).returning(), 'the schedules insert');
          await recordAudit(tx, {
            actor: ctx.user,
            action: 'schedule.create',
            entityType: 'schedule',
            entityId: row.id,
            after: auditView(row),
          });
          return row;
        })
        .catch((error: unknown) => keyConflict(error, 'schedule', input.key));
    }),

  update: designerProcedure
    .input(z.object({ id: resourceId, name: name.optional(), definition: definition.optional() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [before] = await tx.select().from(schedules).where(eq(schedules.id, input.id)).for('update');
        if (!before) throw notFound('schedule');
        const after = oneRow(
          await tx
            .update(schedules)
            .set({
              name: input.name ?? before.name,
              definition: input.definition ?? before.definition,
              updatedAt: new Date(),
            })
            .where(eq(schedules.id, input.id))
            .returning(),
          'the schedules update',
        );
        await recordAudit(tx, {
          actor: ctx.user,
          action: 'schedule.update',
          entityType: 'schedule',
          entityId: after.id,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      }),
    ),

  delete: designerProcedure.input(z.object({ id: resourceId })).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const [target] = await tx.select({ key: schedules.key }).from(schedules).where(eq(schedules.id, input.id));
      if (target) await assertNotServed(tx, 'schedule', target.key);
      const [before] = await tx.delete(schedules).where(eq(schedules.id, input.id)).returning();
      if (!before) throw notFound('schedule');
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'schedule.delete',
        entityType: 'schedule',
        entityId: before.id,
        before: auditView(before),
      });
      return { id: before.id, deleted: true as const };
    }),
  ),
});
