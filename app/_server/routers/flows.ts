// Flows router: list, read, create, rename, archive/restore, duplicate, import/export and save drafts safely.

import 'server-only';
import { CodedError } from '../coded-error';
import { count, eq, isNull } from 'drizzle-orm';
import * as z from 'zod';
import { canonicalJson } from '../../../flow-engine/canonical-json';
import type { FlowDocument } from '../../../flow-engine/document';
import { validate } from '../../../flow-engine/validate';
import { flows, lines, users } from '../../../schemas/db';
import { recordAudit } from '../../../schemas/record-audit';
import type { Executor } from '../../../schemas/database';
import { isUniqueViolation } from '../db/unique-violation';
import { InvalidFlowError, MalformedJsonError } from '../errors';
import { blankFlow } from '../flows/blank-flow';
import { locales } from '../../_i18n/locales';
import { flowArchived, flowNotFound, saveDraftIfCurrent } from '../flows/draft-store';
import { latestVersion } from '../flows/latest-version';
import { describeSize, draftDocument, flowName, jsonBytes, maxFlowBytes, testCases } from '../flows/flow-input';
import { flowKeyPattern, slugifyFlowName, uniqueFlowKey } from '../flows/flow-key';
import { InvalidCursorError, listFlows } from '../flows/list-flows';
import { findInputProblem } from '../validation/input-limits';
import { inputRefusal } from '../validation/input-refusal';
import { positiveInt4 } from '../validation/input-rules';
import { parseJsonText } from '../flows/parse-json-text';
import { installTemplateResources, noTemplateResources } from '../flows/install-template-resources';
import { plannedInstalls, planTemplateResources } from '../flows/template-resource-plan';
import { loadTemplateResources, TemplateResourcesFileError } from '../flows/template-resources-file';
import { listTemplates, readTemplate, TemplateNotFoundError } from '../flows/templates';
import { loadEditorResourceBundle } from '../resources/editor-resource-bundle';
import { createTRPCRouter, designerProcedure, hasRole, testerProcedure, viewerProcedure } from '../trpc';
import { oneRow } from '../db/one-row';

const flowIdInput = z.object({ flowId: z.uuid('That flow does not exist.') });
const baseRevision = positiveInt4('The revision');
const templateId = z.string().max(64);
const referencedKeyList = z
  .array(z.string().max(200, 'A resource key may have at most 200 characters.'))
  .max(500, 'At most 500 keys of each kind.');
const resourceKeysInput = z.object({
  schedule: referencedKeyList,
  skillGroup: referencedKeyList,
  integration: referencedKeyList,
  subflow: referencedKeyList,
});

/** A template's document and the resources its folder can supply, with lookup failures as API errors. */
async function openTemplate(templatesDir: string, id: string) {
  try {
    return { document: await readTemplate(templatesDir, id), source: loadTemplateResources(templatesDir, id) };
  } catch (error) {
    if (error instanceof TemplateNotFoundError)
      throw new CodedError('NOT_FOUND', 'templateNotFound', { template: error.templateId }, error.message, error);
    if (error instanceof TemplateResourcesFileError)
      throw new CodedError('INTERNAL_SERVER_ERROR', 'templateBroken', { template: id }, error.message, error);
    throw error;
  }
}

async function findFlow(executor: Executor, flowId: string) {
  const [row] = await executor
    .select({
      id: flows.id,
      key: flows.key,
      name: flows.name,
      draft: flows.draft,
      revision: flows.revision,
      archivedAt: flows.archivedAt,
      createdAt: flows.createdAt,
      updatedAt: flows.updatedAt,
      updatedByName: users.name,
    })
    .from(flows)
    .leftJoin(users, eq(users.id, flows.updatedBy))
    .where(eq(flows.id, flowId));
  if (!row) throw flowNotFound();
  return row;
}

/** Inserts a new flow under a free key derived from `preferredKey`, retrying if another insert takes it first. */
async function insertFlow(
  executor: Executor,
  actorId: string,
  preferredKey: string,
  document: FlowDocument,
  action: string,
) {
  for (let attempt = 0; ; attempt++) {
    const key = await uniqueFlowKey(executor, preferredKey);
    try {
      // A savepoint, so a lost race on the key does not abort the caller's transaction.
      return await executor.transaction(async (tx) => {
        const row = oneRow(
          await tx
            .insert(flows)
            .values({
              key,
              name: document.name,
              draft: { ...document, id: key },
              createdBy: actorId,
              updatedBy: actorId,
              updatedAt: new Date(),
            })
            .returning({ id: flows.id, key: flows.key, name: flows.name, revision: flows.revision }),
          'the flows insert',
        );
        await recordAudit(tx, {
          actor: { id: actorId },
          action,
          entityType: 'flow',
          entityId: row.id,
          after: { key: row.key, name: row.name },
        });
        return row;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

function refuseInvalid(document: unknown, what: string): FlowDocument {
  const result = validate(document);
  if (result.valid) return document as FlowDocument;
  const problems = result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`;
  const cause = new InvalidFlowError(`The flow has ${problems}; ${what}.`, result.errors);
  throw new CodedError(
    'BAD_REQUEST',
    'flowInvalidImport',
    { count: result.errors.length },
    `${cause.message} ${result.errors.map((issue) => issue.message).join(' ')}`,
    cause,
  );
}

export const flowsRouter = createTRPCRouter({
  list: viewerProcedure
    .input(
      z.object({
        search: z.string().max(200).optional(),
        status: z.enum(['active', 'archived', 'all']).default('active'),
        limit: z.number().int().min(1).max(100).default(50),
        cursor: z.string().max(500).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      try {
        return await listFlows(ctx.db, input);
      } catch (error) {
        if (error instanceof InvalidCursorError)
          throw new CodedError('BAD_REQUEST', 'invalidCursor', {}, error.message, error);
        throw error;
      }
    }),

  get: viewerProcedure.input(flowIdInput).query(({ ctx, input }) => findFlow(ctx.db, input.flowId)),

  templates: viewerProcedure.query(({ ctx }) => listTemplates(ctx.templatesDir)),

  /**
   * Read-only preview for the "new flow" dialog: which resources creating from `template` would install here,
   * which it would reuse, and which are missing.
   */
  templateResources: viewerProcedure.input(z.object({ template: templateId })).query(async ({ ctx, input }) => {
    const { document, source } = await openTemplate(ctx.templatesDir, input.template);
    const plan = await planTemplateResources(ctx.db, document, source, {
      actorIsAdmin: hasRole(ctx.user.role, 'admin'),
    });
    return { install: plannedInstalls(plan), reuse: plan.reuse, missing: plan.missing };
  }),

  /**
   * The resources the editor validates a draft with: what `keys` name, loaded as publishing loads them (subflows at
   * their latest published version, with what they reference), integrations by key only.
   */
  resourceBundle: viewerProcedure
    .input(resourceKeysInput)
    .query(({ ctx, input }) => loadEditorResourceBundle(ctx.db, input)),

  /**
   * A blank flow, or a copy of a template. From a template, the schedules, skill groups, integrations (without
   * secrets) and subflows it references that this environment lacks are installed in the same transaction, so the
   * flow can be published at once; `resources` says what was installed, reused or is still missing.
   */
  create: designerProcedure
    // `language`: the creator's UI language, which a blank flow's prompts and hang-up label start in.
    .input(z.object({ name: flowName, template: templateId.optional(), language: z.enum(locales).optional() }))
    .mutation(async ({ ctx, input }) => {
      const preferredKey = slugifyFlowName(input.name);
      if (!input.template) {
        const row = await insertFlow(
          ctx.db,
          ctx.user.id,
          preferredKey,
          blankFlow('', input.name, input.language),
          'flow.create',
        );
        return { ...row, resources: noTemplateResources() };
      }
      const template = input.template;
      const { document, source } = await openTemplate(ctx.templatesDir, template);
      return ctx.db.transaction(async (tx) => {
        const plan = await planTemplateResources(tx, document, source, {
          actorIsAdmin: hasRole(ctx.user.role, 'admin'),
        });
        // Resources first: a subflow takes its own key before the new flow picks a free one.
        const resources = await installTemplateResources(tx, plan, {
          actor: ctx.user,
          templateId: template,
          asrEngine: ctx.asrEngine,
        });
        const row = await insertFlow(tx, ctx.user.id, preferredKey, { ...document, name: input.name }, 'flow.create');
        return { ...row, resources };
      });
    }),

  rename: designerProcedure.input(flowIdInput.extend({ name: flowName })).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const before = await findFlow(tx, input.flowId);
      if (before.archivedAt) throw flowArchived(before.name);
      // The name lives in the document too; renaming is a new revision so open editors learn of it.
      const saved = await saveDraftIfCurrent(tx, {
        flowId: input.flowId,
        baseRevision: before.revision,
        actorId: ctx.user.id,
        draft: { ...before.draft, name: input.name },
        name: input.name,
      });
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'flow.rename',
        entityType: 'flow',
        entityId: input.flowId,
        before: { name: before.name },
        after: { name: input.name },
      });
      return { ...saved, name: input.name };
    }),
  ),

  archive: designerProcedure.input(flowIdInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const before = await findFlow(tx, input.flowId);
      if (before.archivedAt) return { archivedAt: before.archivedAt };
      const bound = await tx.select({ number: lines.number }).from(lines).where(eq(lines.flowId, input.flowId));
      if (bound.length > 0) {
        const numbers = bound.map((line) => line.number).join(', ');
        throw new CodedError(
          'BAD_REQUEST',
          'archiveBound',
          { name: before.name, numbers },
          `The flow "${before.name}" answers line ${numbers}; bind the line to another flow before archiving.`,
        );
      }
      const [after] = await tx
        .update(flows)
        .set({ archivedAt: new Date() })
        .where(eq(flows.id, input.flowId))
        .returning({ archivedAt: flows.archivedAt });
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'flow.archive',
        entityType: 'flow',
        entityId: input.flowId,
        before: { archivedAt: null },
        after,
      });
      return after;
    }),
  ),

  restore: designerProcedure.input(flowIdInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const before = await findFlow(tx, input.flowId);
      if (!before.archivedAt) return { archivedAt: null };
      await tx.update(flows).set({ archivedAt: null }).where(eq(flows.id, input.flowId));
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'flow.restore',
        entityType: 'flow',
        entityId: input.flowId,
        before: { archivedAt: before.archivedAt },
        after: { archivedAt: null },
      });
      return { archivedAt: null };
    }),
  ),

  duplicate: designerProcedure
    .input(flowIdInput.extend({ name: flowName.optional() }))
    .mutation(async ({ ctx, input }) => {
      const source = await findFlow(ctx.db, input.flowId);
      const name = input.name ?? `${source.name} (copy)`.slice(0, 200);
      return insertFlow(ctx.db, ctx.user.id, slugifyFlowName(name), { ...source.draft, name }, 'flow.duplicate');
    }),

  import: designerProcedure
    .input(z.object({ json: z.string(), name: flowName.optional() }))
    .mutation(async ({ ctx, input }) => {
      const bytes = Buffer.byteLength(input.json, 'utf8');
      if (bytes > maxFlowBytes) {
        throw new CodedError(
          'PAYLOAD_TOO_LARGE',
          'flowFileTooLarge',
          { size: describeSize(bytes), limit: describeSize(maxFlowBytes) },
          `The file is ${describeSize(bytes)}; flow files can be at most ${describeSize(maxFlowBytes)}.`,
        );
      }
      let parsed: unknown;
      try {
        parsed = parseJsonText(input.json);
      } catch (error) {
        if (error instanceof MalformedJsonError)
          throw new CodedError(
            'BAD_REQUEST',
            'malformedJson',
            { line: error.line, column: error.column },
            error.message,
            error,
          );
        throw error;
      }
      // The text passed the request's own checks, but the JSON inside it did not: the same limits apply to it.
      const problem = findInputProblem(parsed, 'file');
      if (problem) throw inputRefusal(problem);
      const document = refuseInvalid(
        input.name && typeof parsed === 'object' ? { ...parsed, name: input.name } : parsed,
        'nothing was imported',
      );
      if (!flowKeyPattern.test(document.id))
        throw new CodedError(
          'BAD_REQUEST',
          'flowKeyUnusable',
          { key: document.id },
          `The flow id "${document.id}" is not usable as a key.`,
        );
      const [existing] = await ctx.db.select({ name: flows.name }).from(flows).where(eq(flows.key, document.id));
      if (existing) {
        throw new CodedError(
          'CONFLICT',
          'flowKeyTaken',
          { key: document.id, name: existing.name },
          `A flow with the id "${document.id}" already exists ("${existing.name}"); change the id in the file, or open that flow and save over its draft.`,
        );
      }
      try {
        return await ctx.db.transaction(async (tx) => {
          const row = oneRow(
            await tx
              .insert(flows)
              .values({
                key: document.id,
                name: document.name,
                draft: document,
                createdBy: ctx.user.id,
                updatedBy: ctx.user.id,
                updatedAt: new Date(),
              })
              .returning({ id: flows.id, key: flows.key, name: flows.name, revision: flows.revision }),
            'the flows insert',
          );
          await recordAudit(tx, {
            actor: ctx.user,
            action: 'flow.import',
            entityType: 'flow',
            entityId: row.id,
            after: { key: row.key, name: row.name },
          });
          return row;
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new CodedError(
            'CONFLICT',
            'flowKeyRaced',
            { key: document.id },
            `A flow with the id "${document.id}" was created a moment ago; import again with another id.`,
            error,
          );
        throw error;
      }
    }),

  export: viewerProcedure.input(flowIdInput).query(async ({ ctx, input }) => {
    const flow = await findFlow(ctx.db, input.flowId);
    return { fileName: `${flow.key}.json`, json: canonicalJson(flow.draft) };
  }),

  saveDraft: designerProcedure
    .input(flowIdInput.extend({ document: draftDocument, baseRevision }))
    .mutation(async ({ ctx, input }) => {
      const bytes = jsonBytes(input.document);
      if (bytes > maxFlowBytes) {
        throw new CodedError(
          'PAYLOAD_TOO_LARGE',
          'flowTooLarge',
          { size: describeSize(bytes), limit: describeSize(maxFlowBytes) },
          `The flow is ${describeSize(bytes)}; a flow can be at most ${describeSize(maxFlowBytes)}.`,
        );
      }
      const [current] = await ctx.db.select({ key: flows.key }).from(flows).where(eq(flows.id, input.flowId));
      if (!current) throw flowNotFound();
      if (input.document.id !== current.key) {
        throw new CodedError(
          'BAD_REQUEST',
          'flowKeyFixed',
          { from: current.key, to: input.document.id },
          `The flow id cannot change from "${current.key}" to "${input.document.id}"; other flows and lines refer to it.`,
        );
      }
      const document = input.document;
      const saved = await saveDraftIfCurrent(ctx.db, {
        flowId: input.flowId,
        baseRevision: input.baseRevision,
        actorId: ctx.user.id,
        draft: document,
        name: document.name,
      });
      return { ...saved, validation: validate(document) };
    }),

  /** Put the newest version's document back as the draft (dropping draft changes made since), on the revision given; audited. */
  discardDraft: designerProcedure.input(flowIdInput.extend({ baseRevision })).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      await findFlow(tx, input.flowId);
      const version = await latestVersion(tx, input.flowId);
      if (!version)
        throw new CodedError(
          'BAD_REQUEST',
          'noVersionToDiscardTo',
          {},
          'This flow has no published version to go back to; publish it first.',
        );
      const draft = version.document;
      const saved = await saveDraftIfCurrent(tx, {
        flowId: input.flowId,
        baseRevision: input.baseRevision,
        actorId: ctx.user.id,
        draft,
        name: draft.name,
      });
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'flow.discardDraft',
        entityType: 'flow',
        entityId: input.flowId,
        before: { revision: input.baseRevision },
        after: { revision: saved.revision, version: version.number },
      });
      return { ...saved, draft, version: version.number };
    }),
  ),

  saveTests: testerProcedure
    .input(flowIdInput.extend({ tests: testCases, baseRevision }))
    .mutation(async ({ ctx, input }) => {
      const flow = await findFlow(ctx.db, input.flowId);
      // Built from the draft at the base revision; the revision check in the update keeps it from overwriting newer edits.
      const document: FlowDocument = { ...flow.draft, tests: input.tests };
      if (jsonBytes(document) > maxFlowBytes) {
        throw new CodedError(
          'PAYLOAD_TOO_LARGE',
          'testsTooLarge',
          { limit: describeSize(maxFlowBytes) },
          `With these tests the flow would exceed ${describeSize(maxFlowBytes)}.`,
        );
      }
      const saved = await saveDraftIfCurrent(ctx.db, {
        flowId: input.flowId,
        baseRevision: input.baseRevision,
        actorId: ctx.user.id,
        draft: document,
      });
      return { ...saved, validation: validate(document) };
    }),

  /** Counts for the list header: active and archived flows. */
  counts: viewerProcedure.query(async ({ ctx }) => {
    const active = oneRow(await ctx.db.select({ n: count() }).from(flows).where(isNull(flows.archivedAt)), 'the count');
    const all = oneRow(await ctx.db.select({ n: count() }).from(flows), 'the count');
    return { active: active.n, archived: all.n - active.n };
  }),
});
