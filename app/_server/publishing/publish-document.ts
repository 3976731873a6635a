// Publishing: validate a document against this environment's resources, then write version n+1, audit and NOTIFY in one transaction.

import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { eq, max } from 'drizzle-orm';
import { canonicalJson } from '../../../flow-engine/canonical-json';
import type { FlowDocument } from '../../../flow-engine/document';
import { validate } from '../../../flow-engine/validate';
import type { ValidationIssue } from '../../../flow-engine/validate/validation-issue';
import { flows, flowVersions } from '../../../schemas/db';
import { recordAudit } from '../audit/record-audit';
import { notifyInTransaction, type Database } from '../db/client';
import { InvalidFlowError } from '../errors';
import { loadResolver } from '../resources/load-resolver';

/** The channel runtimes listen on to load a new version; the payload is `{"flowId":…,"version":…}`. */
export const PUBLISH_CHANNEL = 'callflow_publish';

export interface PublishRequest {
  flowId: string;
  document: FlowDocument;
  note: string;
  actor: { id: string };
  /** `version.publish` or `version.rollback`; `details` go into the audit row's `after`. */
  action: string;
  details?: Record<string, unknown>;
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
  const message = `"${flowName}" cannot be published until ${count} ${issues.length === 1 ? 'is' : 'are'} fixed. First: ${issues[0].message}`;
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: new InvalidFlowError(message, issues) });
}

/**
 * Validate `document` and publish it as the flow's next version. An invalid document is refused with
 * BAD_REQUEST carrying every issue, and nothing is written. The flow row is locked for the transaction,
 * so concurrent publishes of one flow queue up and never take the same number.
 */
export async function publishDocument(db: Database, request: PublishRequest): Promise<PublishedVersion> {
  const resources = await loadResolver(db, request.document);
  const result = validate(request.document, { resources });
  if (!result.valid) throw refusal(request.document.name ?? request.flowId, [...result.errors, ...result.warnings]);
  const checksum = documentChecksum(request.document);

  return db.transaction(async (tx) => {
    const [flow] = await tx.select({ id: flows.id, archivedAt: flows.archivedAt }).from(flows).where(eq(flows.id, request.flowId)).for('update');
    if (!flow) throw new TRPCError({ code: 'NOT_FOUND', message: 'That flow does not exist.' });
    if (flow.archivedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This flow is archived; restore it before publishing.' });
    const [{ latest }] = await tx.select({ latest: max(flowVersions.number) }).from(flowVersions).where(eq(flowVersions.flowId, flow.id));
    const number = (latest ?? 0) + 1;
    const [row] = await tx
      .insert(flowVersions)
      .values({ flowId: flow.id, number, document: request.document, checksum, note: request.note, publishedBy: request.actor.id })
      .returning();
    await recordAudit(tx, {
      actor: request.actor,
      action: request.action,
      entityType: 'flow',
      entityId: flow.id,
      before: latest === null ? null : { version: latest },
      after: { version: number, checksum, note: request.note, ...request.details },
    });
    // Inside the transaction: delivered on commit, never for a publish that rolled back.
    await notifyInTransaction(tx, PUBLISH_CHANNEL, JSON.stringify({ flowId: flow.id, version: number }));
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
