// Works out what a template needs from this environment: which referenced resources exist, which the template can install, which neither.

import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { MAX_SUBFLOW_DEPTH } from '../../../flow-engine/compile/limits';
import type { FlowDocument } from '../../../flow-engine/document';
import { baseUrlRefusal } from '../../../flow-engine/node/base-url-guard';
import { referencedKeys } from '../../../flow-engine/resource-references';
import type { IntegrationResource, ResourceResolver, SkillGroupResource } from '../../../flow-engine/resources';
import { checkSchedule } from '../../../flow-engine/schedule/check-schedule';
import type { ScheduleDefinition } from '../../../flow-engine/schedule/schedule-config';
import { flows, flowVersions, integrations, schedules, skillGroups } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';
import { credentialHeaders } from '../routers/resources/integrations';
import { flowKeyPattern } from './flow-key';

export type TemplateResourceKind = 'schedule' | 'skillGroup' | 'integration' | 'subflow';

export interface TemplateResourceRef {
  kind: TemplateResourceKind;
  key: string;
}

/** A resource the flow needs that cannot be installed; `message` tells the admin what to do. */
export interface MissingTemplateResource extends TemplateResourceRef {
  message: string;
}

export interface PlanOptions {
  /** The acting user is an administrator: only they may install an integration that may call internal addresses. */
  actorIsAdmin: boolean;
}

export interface TemplateResourcePlan {
  /** Already defined in this environment: used as they are, never changed. */
  reuse: TemplateResourceRef[];
  missing: MissingTemplateResource[];
  install: {
    schedules: { key: string; definition: ScheduleDefinition }[];
    skillGroups: { key: string; group: SkillGroupResource }[];
    integrations: { key: string; integration: IntegrationResource }[];
    /** Subflows a subflow calls come before it, so each validates against what is already installed when it is published. */
    subflows: { key: string; document: FlowDocument }[];
  };
}

const kindNames: Record<TemplateResourceKind, string> = {
  schedule: 'schedule',
  skillGroup: 'skill group',
  integration: 'integration',
  subflow: 'subflow',
};

const kindOrder: TemplateResourceKind[] = ['schedule', 'skillGroup', 'integration', 'subflow'];

/** Sorts references by kind (schedules, skill groups, integrations, subflows), keeping each kind's order: how the UI lists them. */
export function byKind<T extends TemplateResourceRef>(refs: T[]): T[] {
  return refs.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
}

function notSupplied(kind: TemplateResourceKind, key: string): MissingTemplateResource {
  return {
    kind,
    key,
    message: `The template uses the ${kindNames[kind]} "${key}", which neither this environment nor the template's resources define; create it before publishing.`,
  };
}

/**
 * Why a template's integration may not be installed by this user, or null when it may. Integrations are otherwise
 * admin-only because an admin chooses where the runtime sends requests and holds the secret. A template's base URL
 * and headers come from the server's templates folder, not from the request, and no secret is installed, so a
 * designer may install it; an admin adds a secret later if the service needs one. Two things stay with an admin:
 * a credential header (it belongs in the encrypted secret, never in plain headers, so it is never installed from
 * the file) and allowInternal (it opens requests to the internal network, which only an admin may allow).
 */
async function integrationRefusal(
  key: string,
  integration: IntegrationResource,
  options: PlanOptions,
): Promise<MissingTemplateResource | null> {
  const credential = Object.keys(integration.headers ?? {}).find((name) => credentialHeaders.has(name.toLowerCase()));
  if (credential) {
    return {
      kind: 'integration',
      key,
      message: `The template's integration "${key}" sends the ${credential} header, a credential; an administrator must create the integration with it as the encrypted secret.`,
    };
  }
  // The integrations router's save-time rule: names resolved, metadata services refused even with allowInternal.
  const refusal = await baseUrlRefusal(integration.baseUrl, integration.allowInternal === true);
  if (refusal?.metadata) {
    return {
      kind: 'integration',
      key,
      message: `The template's integration "${key}" points to ${refusal.reason}, a cloud metadata service, which HTTP steps may never call.`,
    };
  }
  if (refusal) {
    return {
      kind: 'integration',
      key,
      message: `The template's integration "${key}" points to ${refusal.reason} without allowing internal addresses; an administrator must create it.`,
    };
  }
  if (integration.allowInternal && !options.actorIsAdmin) {
    return {
      kind: 'integration',
      key,
      message: `The template's integration "${key}" may call addresses on the internal network, which only an administrator may allow; ask an administrator to create it.`,
    };
  }
  return null;
}

/** Keys among `wanted` that a table with a unique `key` column already holds. */
async function existingKeys(
  db: Executor,
  table: typeof schedules | typeof skillGroups | typeof integrations,
  wanted: Set<string>,
): Promise<Set<string>> {
  if (wanted.size === 0) return new Set();
  const rows = await db
    .select({ key: table.key })
    .from(table)
    .where(inArray(table.key, [...wanted]));
  return new Set(rows.map((row) => row.key));
}

/** Whether a flow with this key exists, and whether it has a published version (what subflow refs resolve to). */
async function subflowState(db: Executor, key: string): Promise<'absent' | 'published' | 'unpublished'> {
  const rows = await db
    .select({ version: flowVersions.number })
    .from(flows)
    .leftJoin(flowVersions, eq(flowVersions.flowId, flows.id))
    .where(eq(flows.key, key))
    .limit(1);
  const [row] = rows;
  if (!row) return 'absent';
  return row.version === null ? 'unpublished' : 'published';
}

/**
 * Plans the resources `document` references, following the subflows the template would install (an existing
 * subflow was validated against this environment when it was published, so its own references are not followed).
 * Read-only: `installTemplateResources` carries the plan out.
 */
export async function planTemplateResources(
  db: Executor,
  document: FlowDocument,
  source: ResourceResolver,
  options: PlanOptions,
): Promise<TemplateResourcePlan> {
  const plan: TemplateResourcePlan = {
    reuse: [],
    missing: [],
    install: { schedules: [], skillGroups: [], integrations: [], subflows: [] },
  };
  const wanted = referencedKeys(document);
  const visited = new Set<string>();

  // Subflows to install, dependencies first, with the keys each references directly.
  const candidates: { key: string; document: FlowDocument; refs: ReturnType<typeof referencedKeys> }[] = [];

  const visitSubflow = async (key: string, depth: number): Promise<void> => {
    if (visited.has(key) || depth > MAX_SUBFLOW_DEPTH) return;
    visited.add(key);
    const state = await subflowState(db, key);
    const subflow = source.subflow(key);
    if (state === 'published') {
      plan.reuse.push({ kind: 'subflow', key });
    } else if (state === 'unpublished') {
      plan.missing.push({
        kind: 'subflow',
        key,
        message: `The flow "${key}" that this template calls as a subflow exists but has never been published; publish it first.`,
      });
    } else if (!subflow) {
      plan.missing.push(notSupplied('subflow', key));
    } else if (!flowKeyPattern.test(key)) {
      plan.missing.push({
        kind: 'subflow',
        key,
        message: `The subflow key "${key}" cannot be a flow id (letters, digits, _ and - only); rename it in the template.`,
      });
    } else {
      const refs = referencedKeys(subflow);
      for (const kind of ['schedule', 'skillGroup', 'integration'] as const)
        for (const k of refs[kind]) wanted[kind].add(k);
      for (const k of [...refs.subflow].sort()) await visitSubflow(k, depth + 1);
      // After its own subflows: they must be published before it validates.
      candidates.push({ key, document: { ...subflow, id: key }, refs });
    }
  };
  for (const key of [...wanted.subflow].sort()) await visitSubflow(key, 1);

  const sorted = (keys: Set<string>) => [...keys].sort();
  const [haveSchedules, haveGroups, haveIntegrations] = await Promise.all([
    existingKeys(db, schedules, wanted.schedule),
    existingKeys(db, skillGroups, wanted.skillGroup),
    existingKeys(db, integrations, wanted.integration),
  ]);
  for (const key of sorted(wanted.schedule)) {
    const definition = source.schedule(key);
    // The schedules router's rule: a schedule no call could evaluate (a date that does not exist) is not installed.
    const unreadable = definition && !haveSchedules.has(key) ? checkSchedule(definition) : null;
    if (haveSchedules.has(key)) plan.reuse.push({ kind: 'schedule', key });
    else if (unreadable)
      plan.missing.push({
        kind: 'schedule',
        key,
        message: `The template's schedule "${key}" cannot be installed: ${unreadable.message} (at ${unreadable.path})`,
      });
    else if (definition) plan.install.schedules.push({ key, definition });
    else plan.missing.push(notSupplied('schedule', key));
  }
  for (const key of sorted(wanted.skillGroup)) {
    const group = source.skillGroup(key);
    if (haveGroups.has(key)) plan.reuse.push({ kind: 'skillGroup', key });
    else if (group) plan.install.skillGroups.push({ key, group });
    else plan.missing.push(notSupplied('skillGroup', key));
  }
  for (const key of sorted(wanted.integration)) {
    const integration = source.integration(key);
    // Only an integration that would be installed is checked (its base URL resolved): a reused one stays as it is.
    const refusal =
      !haveIntegrations.has(key) && integration ? await integrationRefusal(key, integration, options) : null;
    if (haveIntegrations.has(key)) plan.reuse.push({ kind: 'integration', key });
    else if (refusal) plan.missing.push(refusal);
    else if (integration) plan.install.integrations.push({ key, integration });
    else plan.missing.push(notSupplied('integration', key));
  }

  // A subflow cannot be published without everything it references, so one that needs a missing resource
  // (or a missing subflow) is not installed either; the rest of the template still is.
  for (const { key, document: subflow, refs } of candidates) {
    const lacking = plan.missing.filter((m) => refs[m.kind].has(m.key)).map((m) => `"${m.key}"`);
    if (lacking.length === 0) {
      plan.install.subflows.push({ key, document: subflow });
    } else {
      plan.missing.push({
        kind: 'subflow',
        key,
        message: `The subflow "${key}" was not installed because it needs ${lacking.join(', ')}, which ${lacking.length === 1 ? 'is' : 'are'} missing.`,
      });
    }
  }
  byKind(plan.reuse);
  byKind(plan.missing);
  return plan;
}

/** The resources a plan would install, as references (for a preview before creating). */
export function plannedInstalls(plan: TemplateResourcePlan): TemplateResourceRef[] {
  return [
    ...plan.install.schedules.map(({ key }) => ({ kind: 'schedule' as const, key })),
    ...plan.install.skillGroups.map(({ key }) => ({ kind: 'skillGroup' as const, key })),
    ...plan.install.integrations.map(({ key }) => ({ kind: 'integration' as const, key })),
    ...plan.install.subflows.map(({ key }) => ({ kind: 'subflow' as const, key })),
  ];
}
