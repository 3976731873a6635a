// The shared resources a draft references, loaded through the studio API so the browser can compile it for a call.

import type { FlowDocument } from '../../../../flow-engine/document';
import { referencedKeys } from '../../../../flow-engine/resource-references';
import type { ResourceBundle } from '../../../../flow-engine/resources';
import type { ScheduleDefinition } from '../../../../flow-engine/schedule/schedule-config';
import { trpc } from '../../../_lib/trpc-client';

/** As in the runtime's resolver (schemas/load-resolver.ts): subflows within subflows, at most this deep. */
const MAX_SUBFLOW_DEPTH = 9;

/** The newest published document of the flow with this key, or undefined (the subflow node then fails to compile). */
async function publishedSubflow(key: string): Promise<FlowDocument | undefined> {
  const { items } = await trpc.flows.list.query({ search: key, status: 'all', limit: 100 });
  const row = items.find((item) => item.key === key);
  if (!row?.latestVersion) return undefined;
  const version = await trpc.versions.get.query({ flowId: row.id, version: row.latestVersion });
  return version.document as FlowDocument;
}

/**
 * Schedules, skill groups and subflows as the server would resolve them. Integrations are known by key only: their
 * base URL and headers stay on the server (calls use mocks, or the server proxy), so the transcript shows requests
 * as `integration://key/path`.
 */
export async function loadSimulationResources(flow: FlowDocument): Promise<ResourceBundle> {
  const wanted = referencedKeys(flow);
  const subflows: Record<string, FlowDocument> = {};
  let pending = [...wanted.subflow];
  for (let depth = 0; depth < MAX_SUBFLOW_DEPTH && pending.length > 0; depth++) {
    const loaded = await Promise.all(pending.map(async (key) => [key, await publishedSubflow(key)] as const));
    pending = [];
    for (const [key, document] of loaded) {
      if (!document) continue;
      subflows[key] = document;
      const nested = referencedKeys(document);
      for (const kind of ['schedule', 'skillGroup', 'integration'] as const) for (const k of nested[kind]) wanted[kind].add(k);
      for (const k of nested.subflow) if (!Object.hasOwn(subflows, k) && !pending.includes(k)) pending.push(k);
    }
  }
  const [schedules, groups, integrations] = await Promise.all([
    wanted.schedule.size > 0 ? trpc.resources.schedules.list.query() : [],
    wanted.skillGroup.size > 0 ? trpc.resources.skillGroups.list.query() : [],
    wanted.integration.size > 0 ? trpc.resources.integrations.list.query() : [],
  ]);
  return {
    subflows,
    schedules: Object.fromEntries(schedules.filter((s) => wanted.schedule.has(s.key)).map((s) => [s.key, s.definition as ScheduleDefinition])),
    skillGroups: Object.fromEntries(groups.filter((g) => wanted.skillGroup.has(g.key)).map((g) => [g.key, { name: g.name, ...(g.description ? { description: g.description } : {}) }])),
    integrations: Object.fromEntries(integrations.filter((i) => wanted.integration.has(i.key)).map((i) => [i.key, { baseUrl: `integration://${i.key}` }])),
  };
}
