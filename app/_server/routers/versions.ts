// Versions router: publish the draft, list and read versions, diff two of them, roll back to an earlier one.

import 'server-only';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import * as z from 'zod';
import { diffCallerExperience, diffFlows } from '../../../flow-engine/diff';
import type { FlowDocument } from '../../../flow-engine/document';
import { flows, flowVersions, lines, users } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';
import { latestVersion } from '../flows/latest-version';
import { rollbackNoteText } from '../../_lib/rollback-note';
import { publishDocument } from '../publishing/publish-document';
import { readSettings } from '../settings/studio-settings';
import { positiveInt4 } from '../validation/input-rules';
import { createTRPCRouter, designerProcedure, viewerProcedure } from '../trpc';
import { CodedError } from '../coded-error';

const flowId = z.uuid('The flow id must be a UUID.');
const versionNumber = positiveInt4('The version number');
const note = z.string().trim().max(1000, 'The note may have at most 1,000 characters.');

async function loadDraft(db: Executor, id: string): Promise<{ draft: FlowDocument; revision: number }> {
  const [flow] = await db.select({ draft: flows.draft, revision: flows.revision }).from(flows).where(eq(flows.id, id));
  if (!flow) throw new CodedError('NOT_FOUND', 'flowNotFound', {}, 'That flow does not exist.');
  return flow;
}

/** What every version listing shows (join users for the publisher's name). */
const versionSummary = {
  number: flowVersions.number,
  checksum: flowVersions.checksum,
  note: flowVersions.note,
  publishedAt: flowVersions.publishedAt,
  publishedBy: flowVersions.publishedBy,
  publishedByName: users.name,
};

async function loadVersion(db: Executor, id: string, number: number) {
  const [version] = await db
    .select({ id: flowVersions.id, flowId: flowVersions.flowId, document: flowVersions.document, ...versionSummary })
    .from(flowVersions)
    .leftJoin(users, eq(users.id, flowVersions.publishedBy))
    .where(and(eq(flowVersions.flowId, id), eq(flowVersions.number, number)));
  if (!version)
    throw new CodedError(
      'NOT_FOUND',
      'versionNotFound',
      { version: number },
      `Version ${number} of this flow does not exist.`,
    );
  return version;
}

/** Either side of a comparison: a version number or the current draft. */
const side = z.union([versionNumber, z.literal('draft')]);

async function documentOf(db: Executor, id: string, which: number | 'draft'): Promise<FlowDocument> {
  return which === 'draft' ? (await loadDraft(db, id)).draft : (await loadVersion(db, id, which)).document;
}

export const versionsRouter = createTRPCRouter({
  /** The newest version with its document (null before the first publish): the editor compares its draft with it. */
  latest: viewerProcedure
    .input(z.object({ flowId }))
    .query(async ({ ctx, input }) => (await latestVersion(ctx.db, input.flowId)) ?? null),

  /** Validate the draft (and, when the admin setting asks, run its tests) and publish it as the next version. */
  publish: designerProcedure.input(z.object({ flowId, note: note.default('') })).mutation(async ({ ctx, input }) => {
    const { draft, revision } = await loadDraft(ctx.db, input.flowId);
    const { requireTestsToPublish } = await readSettings(ctx.db);
    return publishDocument(ctx.db, {
      flowId: input.flowId,
      document: draft,
      source: { kind: 'draft', revision },
      note: input.note,
      actor: ctx.user,
      action: 'version.publish',
      asrEngine: ctx.asrEngine,
      requireTests: requireTestsToPublish,
    });
  }),

  /** Newest first, without documents; `before` pages to older versions. */
  list: viewerProcedure
    .input(z.object({ flowId, limit: z.number().int().min(1).max(100).default(50), before: versionNumber.optional() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db
        .select(versionSummary)
        .from(flowVersions)
        .leftJoin(users, eq(users.id, flowVersions.publishedBy))
        .where(
          and(eq(flowVersions.flowId, input.flowId), input.before ? lt(flowVersions.number, input.before) : undefined),
        )
        .orderBy(desc(flowVersions.number))
        .limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      return { versions: page, nextBefore: rows.length > input.limit ? (page.at(-1)?.number ?? null) : null };
    }),

  get: viewerProcedure
    .input(z.object({ flowId, version: versionNumber }))
    .query(({ ctx, input }) => loadVersion(ctx.db, input.flowId, input.version)),

  /** Structured changes from `a` to `b`; either side may be a version number or the current draft. */
  diff: viewerProcedure.input(z.object({ flowId, a: side, b: side })).query(async ({ ctx, input }) => {
    const [a, b] = await Promise.all([
      documentOf(ctx.db, input.flowId, input.a),
      documentOf(ctx.db, input.flowId, input.b),
    ]);
    return { a: input.a, b: input.b, diff: diffFlows(a, b) };
  }),

  /** What a caller would notice from `a` to `b` (keys, prompts per language, routing, schedules, integrations). */
  callerDiff: viewerProcedure.input(z.object({ flowId, a: side, b: side })).query(async ({ ctx, input }) => {
    const [a, b] = await Promise.all([
      documentOf(ctx.db, input.flowId, input.a),
      documentOf(ctx.db, input.flowId, input.b),
    ]);
    return { a: input.a, b: input.b, review: diffCallerExperience(a, b) };
  }),

  /** The lines answered by this flow, with the version each is pinned to (null: latest), for the history page. */
  lines: viewerProcedure.input(z.object({ flowId })).query(({ ctx, input }) =>
    ctx.db
      .select({
        id: lines.id,
        number: lines.number,
        label: lines.label,
        enabled: lines.enabled,
        version: lines.version,
      })
      .from(lines)
      .where(eq(lines.flowId, input.flowId))
      .orderBy(sql`${lines.number} collate "C"`),
  ),

  /** Publish version `version`'s document again as a new version; the draft is left as it is. */
  rollback: designerProcedure
    .input(z.object({ flowId, version: versionNumber, note: note.default('') }))
    .mutation(async ({ ctx, input }) => {
      const old = await loadVersion(ctx.db, input.flowId, input.version);
      const text = rollbackNoteText(input.version, input.note);
      return publishDocument(ctx.db, {
        flowId: input.flowId,
        document: old.document,
        source: { kind: 'version', number: input.version },
        note: text,
        actor: ctx.user,
        action: 'version.rollback',
        details: { rolledBackTo: input.version },
        asrEngine: ctx.asrEngine,
      });
    }),
});
