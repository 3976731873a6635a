// Loads the shared resources a flow references (and those its subflows reference) into a synchronous ResourceResolver.

import { desc, eq, inArray } from 'drizzle-orm';
import { MAX_SUBFLOW_DEPTH } from '../flow-engine/compile/limits';
import type { FlowDocument } from '../flow-engine/document';
import { referencedKeys, type RefKeys } from '../flow-engine/resource-references';
import {
  resolverFromBundle,
  type IntegrationResource,
  type ResourceBundle,
  type ResourceResolver,
} from '../flow-engine/resources';
import type { Executor } from './database';
import { flows, flowVersions, integrations, promptAudio, schedules, skillGroups } from './db';

/**
 * Subflows may call subflows; stop following them after this many levels (validation reports cycles). One level more
 * than the engine runs, so that a chain too deep is reported as too deep rather than as a missing subflow.
 */
const LOADED_SUBFLOW_LEVELS = MAX_SUBFLOW_DEPTH + 1;

/** The newest published document of each flow whose key is listed. */
async function latestPublished(db: Executor, keys: string[]): Promise<Map<string, FlowDocument>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([flows.key], { key: flows.key, document: flowVersions.document })
    .from(flowVersions)
    .innerJoin(flows, eq(flowVersions.flowId, flows.id))
    .where(inArray(flows.key, keys))
    .orderBy(flows.key, desc(flowVersions.number));
  return new Map(rows.map((r) => [r.key, r.document]));
}

/**
 * Load the resources named in `wanted` (and those the subflows found reference) from the database into a bundle.
 * Integrations carry no secrets (those stay server-side); subflows resolve to the latest published version of the flow
 * with that key.
 */
export async function loadResourceBundle(db: Executor, wanted: RefKeys): Promise<ResourceBundle> {
  const subflows: Record<string, FlowDocument> = {};
  let pending = [...wanted.subflow];
  for (let depth = 0; depth < LOADED_SUBFLOW_LEVELS && pending.length > 0; depth++) {
    const loaded = await latestPublished(db, pending);
    pending = [];
    for (const [key, document] of loaded) {
      subflows[key] = document;
      const nested = referencedKeys(document);
      for (const kind of ['schedule', 'skillGroup', 'integration'] as const)
        for (const k of nested[kind]) wanted[kind].add(k);
      for (const k of nested.subflow) if (!Object.hasOwn(subflows, k) && !pending.includes(k)) pending.push(k);
    }
  }

  const bundle: ResourceBundle = { subflows, schedules: {}, skillGroups: {}, integrations: {} };
  const [scheduleRows, groupRows, integrationRows, recordingRows] = await Promise.all([
    wanted.schedule.size > 0
      ? db
          .select({ key: schedules.key, definition: schedules.definition })
          .from(schedules)
          .where(inArray(schedules.key, [...wanted.schedule]))
      : [],
    wanted.skillGroup.size > 0
      ? db
          .select({ key: skillGroups.key, name: skillGroups.name, description: skillGroups.description })
          .from(skillGroups)
          .where(inArray(skillGroups.key, [...wanted.skillGroup]))
      : [],
    wanted.integration.size > 0
      ? db
          .select({
            key: integrations.key,
            baseUrl: integrations.baseUrl,
            headers: integrations.headers,
            allowInternal: integrations.allowInternal,
          })
          .from(integrations)
          .where(inArray(integrations.key, [...wanted.integration]))
      : [],
    // The whole library (key and language only): validation warns of audio parts with no recording in a language.
    db.select({ key: promptAudio.key, language: promptAudio.language }).from(promptAudio),
  ]);
  for (const row of scheduleRows) bundle.schedules![row.key] = row.definition;
  for (const row of groupRows)
    bundle.skillGroups![row.key] = { name: row.name, ...(row.description ? { description: row.description } : {}) };
  for (const row of integrationRows) {
    const resource: IntegrationResource = {
      baseUrl: row.baseUrl,
      headers: row.headers,
      allowInternal: row.allowInternal,
    };
    bundle.integrations![row.key] = resource;
  }
  bundle.recordings = {};
  for (const row of recordingRows) (bundle.recordings[row.key.toLowerCase()] ??= []).push(row.language);
  return bundle;
}

/** Resolve every resource `flow` references from the database (integrations without secrets; see loadResourceBundle). */
export async function loadResolver(db: Executor, flow: FlowDocument): Promise<ResourceResolver> {
  return resolverFromBundle(await loadResourceBundle(db, referencedKeys(flow)));
}
