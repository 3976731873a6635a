// Loads the shared resources a flow references into a ResourceResolver (the loader lives in schemas/, shared with the runtime).

import { and, eq, inArray } from 'drizzle-orm';
import type { FlowDocument } from '../../../flow-engine/document';
import { referencedKeys, type RefKeys } from '../../../flow-engine/resource-references';
import type { ResourceResolver } from '../../../flow-engine/resources';
import { integrations as integrationsTable } from '../../../schemas/db';
import { loadResolver as loadFromDatabase, loadResourceBundle } from '../../../schemas/load-resolver';
import type { EditorResourceBundle, EditorResourceKeys } from '../../_lib/editor-resource-bundle';
import type { Executor } from '../db/client';

export { referencedKeys };

/** Resolve every resource `flow` references from the database (integrations without secrets). */
export function loadResolver(db: Executor, flow: FlowDocument): Promise<ResourceResolver> {
  return loadFromDatabase(db, flow, referencedKeys);
}

/**
 * The bundle the editor validates with: the same loader as publishing (subflows at their latest published version,
 * followed to their own references), with integrations reduced to their keys (and which of them an administrator
 * keeps from the simulator's real calls).
 */
export async function loadEditorResourceBundle(db: Executor, keys: EditorResourceKeys): Promise<EditorResourceBundle> {
  const wanted: RefKeys = {
    schedule: new Set(keys.schedule),
    skillGroup: new Set(keys.skillGroup),
    integration: new Set(keys.integration),
    subflow: new Set(keys.subflow),
  };
  const { integrations = {}, ...rest } = await loadResourceBundle(db, wanted, referencedKeys);
  const integrationKeys = Object.keys(integrations).sort();
  const realCallsOff =
    integrationKeys.length === 0
      ? []
      : await db
          .select({ key: integrationsTable.key })
          .from(integrationsTable)
          .where(and(inArray(integrationsTable.key, integrationKeys), eq(integrationsTable.allowSimulatorCalls, false)));
  return {
    schedules: rest.schedules ?? {},
    skillGroups: rest.skillGroups ?? {},
    subflows: rest.subflows ?? {},
    recordings: rest.recordings ?? {},
    integrationKeys,
    realCallsOff: realCallsOff.map((row) => row.key).sort(),
  };
}
