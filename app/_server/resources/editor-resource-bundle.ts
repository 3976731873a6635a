// The resources bundle the editor validates with, loaded by the loader publishing and the runtime use (schemas/load-resolver).

import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { RefKeys } from '../../../flow-engine/resource-references';
import type { Executor } from '../../../schemas/database';
import { integrations as integrationsTable } from '../../../schemas/db';
import { loadResourceBundle } from '../../../schemas/load-resolver';
import type { EditorResourceBundle, EditorResourceKeys } from '../../_lib/editor-resource-bundle';

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
  const { integrations = {}, ...rest } = await loadResourceBundle(db, wanted);
  const integrationKeys = Object.keys(integrations).sort();
  const realCallsOff =
    integrationKeys.length === 0
      ? []
      : await db
          .select({ key: integrationsTable.key })
          .from(integrationsTable)
          .where(
            and(inArray(integrationsTable.key, integrationKeys), eq(integrationsTable.allowSimulatorCalls, false)),
          );
  return {
    schedules: rest.schedules ?? {},
    skillGroups: rest.skillGroups ?? {},
    subflows: rest.subflows ?? {},
    recordings: rest.recordings ?? {},
    integrationKeys,
    realCallsOff: realCallsOff.map((row) => row.key).sort(),
  };
}
