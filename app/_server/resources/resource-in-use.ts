// Refuses to delete a schedule, skill group or integration that a version served by a line still references.

import 'server-only';
import { CodedError } from '../coded-error';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FlowDocument } from '../../../flow-engine/document';
import { referencedKeys } from '../../../flow-engine/resource-references';
import { flows, flowVersions, lines } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';

export type DeletableKind = 'schedule' | 'skillGroup' | 'integration';

const kindNames: Record<DeletableKind, string> = {
  schedule: 'schedule',
  skillGroup: 'skill group',
  integration: 'integration',
};

/** Does `document`, or a subflow it calls (its latest published version), reference `kind`/`key`? */
async function references(
  db: Executor,
  document: FlowDocument,
  kind: DeletableKind,
  key: string,
  seen = new Set<string>(),
): Promise<boolean> {
  const keys = referencedKeys(document);
  if (keys[kind].has(key)) return true;
  const subflows = [...keys.subflow].filter((k) => !seen.has(k));
  if (subflows.length === 0) return false;
  for (const k of subflows) seen.add(k);
  const rows = await db
    .selectDistinctOn([flows.key], { document: flowVersions.document })
    .from(flowVersions)
    .innerJoin(flows, eq(flowVersions.flowId, flows.id))
    .where(inArray(flows.key, subflows))
    .orderBy(flows.key, desc(flowVersions.number));
  for (const row of rows) if (await references(db, row.document, kind, key, seen)) return true;
  return false;
}

/**
 * The versions lines serve now (a pinned version, or the latest) that reference the resource, as "Flow name (vN)";
 * the runtime would otherwise run calls on a flow whose schedule, queue or CRM has vanished.
 */
export async function flowsServingResource(db: Executor, kind: DeletableKind, key: string): Promise<string[]> {
  const served = await db
    .select({ flowId: lines.flowId, pinned: lines.version, name: flows.name })
    .from(lines)
    .innerJoin(flows, eq(lines.flowId, flows.id));
  const names = new Set<string>();
  for (const line of served) {
    const [version] = await db
      .select({ number: flowVersions.number, document: flowVersions.document })
      .from(flowVersions)
      .where(
        line.pinned === null
          ? eq(flowVersions.flowId, line.flowId)
          : and(eq(flowVersions.flowId, line.flowId), eq(flowVersions.number, line.pinned)),
      )
      .orderBy(desc(flowVersions.number))
      .limit(1);
    if (version && (await references(db, version.document, kind, key))) names.add(`${line.name} (v${version.number})`);
  }
  return [...names].sort();
}

/** Throws PRECONDITION_FAILED naming the flows when a served version references the resource. */
export async function assertNotServed(db: Executor, kind: DeletableKind, key: string): Promise<void> {
  const names = await flowsServingResource(db, kind, key);
  if (names.length === 0) return;
  throw new CodedError(
    'PRECONDITION_FAILED',
    'resourceServed',
    { kind, key, count: names.length, flows: names.join(', ') },
    `The ${kindNames[kind]} "${key}" is used by ${names.length === 1 ? 'a flow' : 'flows'} that lines serve now: ${names.join(', ')}. Publish versions without it or unbind those lines first.`,
  );
}
