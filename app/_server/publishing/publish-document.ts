// Publishing: validate and compile a document against this environment's resources, then write version n+1, audit and NOTIFY
// in one transaction — unless it is identical to the latest version.

import 'server-only';
import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { desc, eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../../../flow-engine/canonical-json';
import { compile, CompileError } from '../../../flow-engine/compile';
import type { FlowDocument } from '../../../flow-engine/document';
import { validate } from '../../../flow-engine/validate';
import type { ValidationIssue } from '../../../flow-engine/validate/validation-issue';
import type { ResourceResolver } from '../../../flow-engine/resources';
import { flows, flowVersions } from '../../../schemas/db';
import { recordAudit } from '../../../schemas/record-audit';
import type { Database } from '../../../schemas/database';
import { InvalidFlowError, UnchangedFlowError } from '../errors';
import { loadResolver } from '../../../schemas/load-resolver';
import { announce } from '../../../schemas/notify-channels';
import { requirePassingTests } from './require-passing-tests';
import { speechWithoutAsrIssue } from './speech-needs-asr';
import { CodedError } from '../coded-error';
import { oneRow } from '../db/one-row';

/**
 * Where the published document is copied from inside the database (so a large document is not sent back):
 * the draft at the revision that was validated, or an earlier version (rollback).
 */
export type PublishSource = { kind: 'draft'; revision: number } | { kind: 'version'; number: number };

export interface PublishRequest {
  flowId: string;
  /** The document as validated; the stored copy comes from `source` and is the same. */
  document: FlowDocument;
  source: PublishSource;
  note: string;
  actor: { id: string };
  /** `version.publish` or `version.rollback`; `details` go into the audit row's `after`. */
  action: string;
  details?: Record<string, unknown>;
  /** CALLFLOW_ASR_ENGINE as the studio sees it (ServerEnv.asrEngine); unset refuses flows with speech nodes. */
  asrEngine: string | undefined;
  /** Run the document's test cases and refuse it (PRECONDITION_FAILED) when one fails (the admin setting). */
  requireTests?: boolean;
}

export interface PublishedVersion {
  id: string;
  flowId: string;
  number: number;
  checksum: string;
  note: string;
  publishedAt: Date;
  publishedBy: string | null;
  /** Problems that do not block publishing, for the UI to show. */
  warnings: ValidationIssue[];
}

/** sha-256 (hex) of the document's canonical JSON: equal documents have equal checksums whatever their key order. */
export function documentChecksum(document: FlowDocument): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

function refusal(flowName: string, issues: ValidationIssue[]): TRPCError {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const message = `"${flowName}" cannot be published until ${count} ${issues.length === 1 ? 'is' : 'are'} fixed. First: ${issues[0]?.message ?? '(none)'}`;
  return new CodedError(
    'BAD_REQUEST',
    'publishInvalid',
    { name: flowName, count: issues.length },
    message,
    new InvalidFlowError(message, issues),
  );
}

/** Compiles what runtimes will compile; a flow that validates but cannot run is refused as one issue on its node. */
function compileIssue(document: FlowDocument, resources: ResourceResolver): ValidationIssue | null {
  try {
    compile(document, { resources });
    return null;
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    // Inside subflows the engine names nodes `subflowNode/innerNode`: the issue belongs to this flow's subflow node.
    const nodeId = error.nodeId?.split('/')[0];
    const index = nodeId ? document.nodes.findIndex((node) => node.id === nodeId) : -1;
    const inside = nodeId !== error.nodeId;
    const message = `${error.message} The flow passes validation but cannot run as it is.`;
    return {
      rule: 'compile',
      code: 'compile',
      params: { detail: message },
      severity: 'error',
      message,
      path: index < 0 ? '' : inside ? `/nodes/${index}/config/flow` : `/nodes/${index}${error.path ?? ''}`,
      ...(nodeId ? { nodeId } : {}),
    };
  }
}

function unchanged(flowName: string, version: number): TRPCError {
  const cause = new UnchangedFlowError(flowName, version);
  return new CodedError('BAD_REQUEST', 'publishUnchanged', { name: flowName, version }, cause.message, cause);
}

/**
 * Validate and compile `document` and publish it as the flow's next version. An invalid document, or one that does
 * not compile, is refused with BAD_REQUEST carrying every issue; a document identical to the latest version is refused
 * as unchanged; either way nothing is written. The flow row is locked for the transaction, so concurrent publishes of
 * one flow queue up and never take the same number.
 */
export async function publishDocument(db: Database, request: PublishRequest): Promise<PublishedVersion> {
  const flowName = request.document.name ?? request.flowId;
  const resources = await loadResolver(db, request.document);
  const result = validate(request.document, { resources });
  if (!result.valid) throw refusal(flowName, [...result.errors, ...result.warnings]);
  const compileProblem = compileIssue(request.document, resources);
  if (compileProblem) throw refusal(flowName, [compileProblem]);
  const asrProblem = speechWithoutAsrIssue(request.document, resources, request.asrEngine);
  if (asrProblem) throw refusal(flowName, [asrProblem]);
  if (request.requireTests) await requirePassingTests(request.document, resources, flowName);
  const checksum = documentChecksum(request.document);

  return db.transaction(async (tx) => {
    const [flow] = await tx
      .select({ id: flows.id, archivedAt: flows.archivedAt, revision: flows.revision })
      .from(flows)
      .where(eq(flows.id, request.flowId))
      .for('update');
    if (!flow) throw new CodedError('NOT_FOUND', 'flowNotFound', {}, 'That flow does not exist.');
    if (flow.archivedAt)
      throw new CodedError(
        'PRECONDITION_FAILED',
        'publishArchived',
        {},
        'This flow is archived; restore it before publishing.',
      );
    if (request.source.kind === 'draft' && flow.revision !== request.source.revision) {
      throw new CodedError(
        'CONFLICT',
        'publishRaced',
        {},
        'The draft was saved again while it was being published; publish again to include the latest changes.',
      );
    }
    const [newest] = await tx
      .select({ number: flowVersions.number, checksum: flowVersions.checksum })
      .from(flowVersions)
      .where(eq(flowVersions.flowId, flow.id))
      .orderBy(desc(flowVersions.number))
      .limit(1);
    if (newest && newest.checksum === checksum) throw unchanged(flowName, newest.number);
    const latest = newest?.number ?? null;
    const number = (latest ?? 0) + 1;
    const document =
      request.source.kind === 'draft'
        ? sql`(select ${flows.draft} from ${flows} where ${flows.id} = ${flow.id})`
        : sql`(select ${flowVersions.document} from ${flowVersions} where ${flowVersions.flowId} = ${flow.id} and ${flowVersions.number} = ${request.source.number})`;
    // INSERT … SELECT copies the document inside the database; columns in table order, parameters cast because a SELECT list does not infer them.
    const row = oneRow(
      await tx
        .insert(flowVersions)
        .select(
          sql`select gen_random_uuid(), ${flow.id}::uuid, ${number}::integer, ${document}, ${checksum}::text, ${request.note}::text, ${request.actor.id}::text, now()`,
        )
        .returning(),
      'the flow version insert',
    );
    await recordAudit(tx, {
      actor: request.actor,
      action: request.action,
      entityType: 'flow',
      entityId: flow.id,
      before: latest === null ? null : { version: latest },
      after: { version: number, checksum, note: request.note, ...request.details },
    });
    // Inside the transaction: delivered on commit, never for a publish that rolled back.
    await announce(tx, 'publish', { flowId: flow.id, version: number });
    return {
      id: row.id,
      flowId: row.flowId,
      number: row.number,
      checksum: row.checksum,
      note: row.note,
      publishedAt: row.publishedAt,
      publishedBy: row.publishedBy,
      warnings: result.warnings,
    };
  });
}
