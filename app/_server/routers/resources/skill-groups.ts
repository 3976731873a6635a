// Skill groups router: the queues that `queue` nodes reference by key and agents belong to.

import 'server-only';
import { asc, eq } from 'drizzle-orm';
import * as z from 'zod';
import { skillGroups } from '../../../../schemas/db';
import { recordAudit } from '../../../../schemas/record-audit';
import { createTRPCRouter, designerProcedure, viewerProcedure } from '../../trpc';
import { keyConflict, notFound, resourceId, resourceKey, resourceName } from './resource-input';
import { assertNotServed } from '../../resources/resource-in-use';
import { oneRow } from '../../db/one-row';

const description = z.string().trim().max(1000, 'The description may have at most 1,000 characters.');

type SkillGroupRow = typeof skillGroups.$inferSelect;
const auditView = (row: SkillGroupRow) => ({ key: row.key, name: row.name, description: row.description });

export const skillGroupsRouter = createTRPCRouter({
  list: viewerProcedure.query(({ ctx }) => ctx.db.select().from(skillGroups).orderBy(asc(skillGroups.key))),

  create: designerProcedure
    .input(z.object({ key: resourceKey, name: resourceName, description: description.optional() }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db
        .transaction(async (tx) => {
          const row = oneRow(await tx.insert(skillGroups).values(input).returning(), 'the skillGroups insert');
          await recordAudit(tx, {
            actor: ctx.user,
            action: 'skillGroup.create',
            entityType: 'skillGroup',
            entityId: row.id,
            after: auditView(row),
          });
          return row;
        })
        .catch((error: unknown) => keyConflict(error, 'skill group', input.key));
    }),

  update: designerProcedure
    .input(z.object({ id: resourceId, name: resourceName.optional(), description: description.nullable().optional() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [before] = await tx.select().from(skillGroups).where(eq(skillGroups.id, input.id)).for('update');
        if (!before) throw notFound('skill group');
        const after = oneRow(
          await tx
            .update(skillGroups)
            .set({
              name: input.name ?? before.name,
              description: input.description === undefined ? before.description : input.description,
              updatedAt: new Date(),
            })
            .where(eq(skillGroups.id, input.id))
            .returning(),
          'the skillGroups update',
        );
        await recordAudit(tx, {
          actor: ctx.user,
          action: 'skillGroup.update',
          entityType: 'skillGroup',
          entityId: after.id,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      }),
    ),

  /** Deleting a group also removes it from every agent's skills. */
  delete: designerProcedure.input(z.object({ id: resourceId })).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const [target] = await tx.select({ key: skillGroups.key }).from(skillGroups).where(eq(skillGroups.id, input.id));
      if (target) await assertNotServed(tx, 'skillGroup', target.key);
      const [before] = await tx.delete(skillGroups).where(eq(skillGroups.id, input.id)).returning();
      if (!before) throw notFound('skill group');
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'skillGroup.delete',
        entityType: 'skillGroup',
        entityId: before.id,
        before: auditView(before),
      });
      return { id: before.id, deleted: true as const };
    }),
  ),
});
