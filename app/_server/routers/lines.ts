// Lines router (admin): phone numbers bound to a flow and a pinned version or "latest"; every change audited and NOTIFYed.

import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import * as z from 'zod';
import { flows, flowVersions, lines } from '../../../schemas/db';
import { recordAudit } from '../../../schemas/record-audit';
import type { Executor } from '../../../schemas/database';
import { isUniqueViolation } from '../db/unique-violation';
import { InvalidLineNumberError, normaliseLineNumber } from '../../../schemas/line-number';
import { announce } from '../../../schemas/notify-channels';
import { adminProcedure, createTRPCRouter } from '../trpc';
import { positiveInt4 } from '../validation/input-rules';
import { CodedError } from '../coded-error';
import { oneRow } from '../db/one-row';

const lineId = z.uuid('The line id must be a UUID.');
const flowId = z.uuid('The flow id must be a UUID.');
const binding = z.union([positiveInt4('The version number'), z.literal('latest')]);
const label = z.string().trim().max(200, 'The label may have at most 200 characters.');
const numberInput = z
  .string()
  .max(40, 'The number may have at most 40 characters.')
  .transform((value, ctx) => {
    try {
      return normaliseLineNumber(value);
    } catch (error) {
      if (!(error instanceof InvalidLineNumberError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });

type LineRow = typeof lines.$inferSelect;

/** What the audit log and NOTIFY describe: `version` is a number or "latest". */
function snapshot(line: LineRow) {
  return {
    number: line.number,
    flowId: line.flowId,
    version: line.version ?? 'latest',
    enabled: line.enabled,
    label: line.label,
  };
}

async function findLine(db: Executor, id: string): Promise<LineRow> {
  const [line] = await db.select().from(lines).where(eq(lines.id, id)).for('update');
  if (!line) throw new CodedError('NOT_FOUND', 'lineNotFound', {}, 'That line does not exist.');
  return line;
}

/** Refuses a number already bound to another line, naming the flow that has it. */
async function assertNumberFree(db: Executor, number: string, exceptLineId?: string): Promise<void> {
  const [taken] = await db
    .select({ flowName: flows.name })
    .from(lines)
    .innerJoin(flows, eq(flows.id, lines.flowId))
    .where(and(eq(lines.number, number), exceptLineId ? ne(lines.id, exceptLineId) : undefined));
  if (taken)
    throw new CodedError(
      'CONFLICT',
      'numberTaken',
      { number, flow: taken.flowName },
      `The number ${number} is already bound to the flow "${taken.flowName}".`,
    );
}

/** Checks the flow exists and has the pinned version (or, for "latest", any published version). */
async function resolveBinding(db: Executor, id: string, version: number | 'latest'): Promise<number | null> {
  const [flow] = await db
    .select({ name: flows.name, archivedAt: flows.archivedAt })
    .from(flows)
    .where(eq(flows.id, id));
  if (!flow) throw new CodedError('NOT_FOUND', 'flowNotFound', {}, 'That flow does not exist.');
  if (flow.archivedAt)
    throw new CodedError(
      'BAD_REQUEST',
      'flowArchivedBind',
      { name: flow.name },
      `The flow "${flow.name}" is archived; restore it before binding a line to it.`,
    );
  const [published] = await db
    .select({ number: flowVersions.number })
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, id), version === 'latest' ? undefined : eq(flowVersions.number, version)))
    .limit(1);
  if (!published) {
    if (version === 'latest') {
      throw new CodedError(
        'BAD_REQUEST',
        'bindUnpublished',
        { name: flow.name },
        `The flow "${flow.name}" has no published version yet; publish it before binding a line to it.`,
      );
    }
    throw new CodedError(
      'BAD_REQUEST',
      'bindNoSuchVersion',
      { name: flow.name, version },
      `The flow "${flow.name}" has no version ${version}.`,
    );
  }
  return version === 'latest' ? null : version;
}

/** Runs a line change in one transaction with its audit row and NOTIFY; a racing duplicate number becomes CONFLICT. */
async function changeLine<After extends LineRow | null>(
  db: Executor,
  actor: { id: string },
  action: string,
  change: (tx: Executor) => Promise<{ before: LineRow | null; after: After }>,
): Promise<After> {
  try {
    return await db.transaction(async (tx) => {
      const { before, after } = await change(tx);
      const line = (after ?? before)!;
      await recordAudit(tx, {
        actor,
        action,
        entityType: 'line',
        entityId: line.id,
        before: before && snapshot(before),
        after: after && snapshot(after),
      });
      // Runtimes reload their number → flow table.
      await announce(tx, 'lines', { lineId: line.id, number: line.number, action });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new CodedError('CONFLICT', 'numberRaced', {}, 'That number was bound to another line a moment ago.', error);
    throw error;
  }
}

export const linesRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) =>
    ctx.db
      .select({
        id: lines.id,
        number: lines.number,
        label: lines.label,
        enabled: lines.enabled,
        flowId: lines.flowId,
        flowKey: flows.key,
        flowName: flows.name,
        version: lines.version,
        updatedAt: lines.updatedAt,
      })
      .from(lines)
      .innerJoin(flows, eq(flows.id, lines.flowId))
      // Byte order, so "+86…" sorts the same whatever the server's collation.
      .orderBy(sql`${lines.number} collate "C"`),
  ),

  create: adminProcedure
    .input(
      z.object({
        number: numberInput,
        flowId,
        version: binding.default('latest'),
        label: label.default(''),
        enabled: z.boolean().default(true),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      changeLine(ctx.db, ctx.user, 'line.create', async (tx) => {
        await assertNumberFree(tx, input.number);
        const version = await resolveBinding(tx, input.flowId, input.version);
        const after = oneRow(
          await tx
            .insert(lines)
            .values({ number: input.number, flowId: input.flowId, version, label: input.label, enabled: input.enabled })
            .returning(),
          'the lines insert',
        );
        return { before: null, after };
      }),
    ),

  /** Change the number or label. */
  update: adminProcedure
    .input(z.object({ id: lineId, number: numberInput.optional(), label: label.optional() }))
    .mutation(async ({ ctx, input }) =>
      changeLine(ctx.db, ctx.user, 'line.update', async (tx) => {
        const before = await findLine(tx, input.id);
        if (input.number !== undefined) await assertNumberFree(tx, input.number, input.id);
        const after = oneRow(
          await tx
            .update(lines)
            .set({ number: input.number ?? before.number, label: input.label ?? before.label, updatedAt: new Date() })
            .where(eq(lines.id, input.id))
            .returning(),
          'the lines update',
        );
        return { before, after };
      }),
    ),

  /** Point the line at a flow and a pinned version, or "latest" to follow every publish. */
  bind: adminProcedure.input(z.object({ id: lineId, flowId, version: binding })).mutation(async ({ ctx, input }) =>
    changeLine(ctx.db, ctx.user, 'line.bind', async (tx) => {
      const before = await findLine(tx, input.id);
      const version = await resolveBinding(tx, input.flowId, input.version);
      const after = oneRow(
        await tx
          .update(lines)
          .set({ flowId: input.flowId, version, updatedAt: new Date() })
          .where(eq(lines.id, input.id))
          .returning(),
        'the lines update',
      );
      return { before, after };
    }),
  ),

  setEnabled: adminProcedure.input(z.object({ id: lineId, enabled: z.boolean() })).mutation(async ({ ctx, input }) =>
    changeLine(ctx.db, ctx.user, input.enabled ? 'line.enable' : 'line.disable', async (tx) => {
      const before = await findLine(tx, input.id);
      const after = oneRow(
        await tx
          .update(lines)
          .set({ enabled: input.enabled, updatedAt: new Date() })
          .where(eq(lines.id, input.id))
          .returning(),
        'the lines update',
      );
      return { before, after };
    }),
  ),

  delete: adminProcedure.input(z.object({ id: lineId })).mutation(async ({ ctx, input }) => {
    await changeLine(ctx.db, ctx.user, 'line.delete', async (tx) => {
      const before = await findLine(tx, input.id);
      await tx.delete(lines).where(eq(lines.id, input.id));
      return { before, after: null };
    });
    return { id: input.id, deleted: true };
  }),
});
