// Installs what a template plan says this environment lacks, in the caller's transaction, each with an audit row.

import 'server-only';
import { schedules, skillGroups, integrations, flows } from '../../../schemas/db';
import { recordAudit } from '../../../schemas/record-audit';
import type { Transaction } from '../../../schemas/database';
import { publishDocument } from '../publishing/publish-document';
import {
  byKind,
  type MissingTemplateResource,
  type TemplateResourcePlan,
  type TemplateResourceRef,
} from './template-resource-plan';

/** What creating a flow from a template did to the environment's shared resources, for the UI to tell the admin. */
export interface TemplateResourcesReport {
  installed: TemplateResourceRef[];
  /** Already defined here with the same key: used as they are, never changed. */
  reused: TemplateResourceRef[];
  /** Needed but neither here nor in the template: publishing is refused until someone creates them. */
  missing: MissingTemplateResource[];
}

/** The report of a flow made without a template. */
export function noTemplateResources(): TemplateResourcesReport {
  return { installed: [], reused: [], missing: [] };
}

export interface InstallContext {
  actor: { id: string };
  templateId: string;
  /** CALLFLOW_ASR_ENGINE, for publishing the template's subflows. */
  asrEngine: string | undefined;
}

/**
 * Carries out `plan` inside `tx`. Every insert is `ON CONFLICT (key) DO NOTHING`, so a resource that another
 * request created since the plan was made is reused, never overwritten, and two people creating from one
 * template at once both succeed. Subflows become flows of their key, published as version 1 by the one publish path.
 *
 * Roles: this runs for designers (creating a flow needs the designer role). Integrations, otherwise admin-only,
 * are installed without a secret and only when `planTemplateResources` allowed them; see `integrationRefusal` there.
 */
export async function installTemplateResources(
  tx: Transaction,
  plan: TemplateResourcePlan,
  context: InstallContext,
): Promise<TemplateResourcesReport> {
  const report: TemplateResourcesReport = { installed: [], reused: [...plan.reuse], missing: [...plan.missing] };
  const { actor, templateId: template } = context;
  const settle = (ref: TemplateResourceRef, inserted: boolean) =>
    (inserted ? report.installed : report.reused).push(ref);

  for (const { key, definition } of plan.install.schedules) {
    const [row] = await tx
      .insert(schedules)
      .values({ key, definition })
      .onConflictDoNothing({ target: schedules.key })
      .returning();
    if (row) {
      await recordAudit(tx, {
        actor,
        action: 'schedule.create',
        entityType: 'schedule',
        entityId: row.id,
        after: { key, name: row.name, definition, template },
      });
    }
    settle({ kind: 'schedule', key }, row !== undefined);
  }

  for (const { key, group } of plan.install.skillGroups) {
    const values = { key, name: group.name, description: group.description ?? null };
    const [row] = await tx
      .insert(skillGroups)
      .values(values)
      .onConflictDoNothing({ target: skillGroups.key })
      .returning();
    if (row) {
      await recordAudit(tx, {
        actor,
        action: 'skillGroup.create',
        entityType: 'skillGroup',
        entityId: row.id,
        after: { ...values, template },
      });
    }
    settle({ kind: 'skillGroup', key }, row !== undefined);
  }

  for (const { key, integration } of plan.install.integrations) {
    const values = {
      key,
      baseUrl: integration.baseUrl,
      headers: integration.headers ?? {},
      allowInternal: integration.allowInternal ?? false,
    };
    const [row] = await tx
      .insert(integrations)
      .values(values)
      .onConflictDoNothing({ target: integrations.key })
      .returning();
    if (row) {
      await recordAudit(tx, {
        actor,
        action: 'integration.create',
        entityType: 'integration',
        entityId: row.id,
        after: { ...values, name: row.name, secretHeaderName: null, hasSecret: false, template },
      });
    }
    settle({ kind: 'integration', key }, row !== undefined);
  }

  for (const { key, document } of plan.install.subflows) {
    const [row] = await tx
      .insert(flows)
      .values({
        key,
        name: document.name,
        draft: document,
        createdBy: actor.id,
        updatedBy: actor.id,
        updatedAt: new Date(),
      })
      .onConflictDoNothing({ target: flows.key })
      .returning({ id: flows.id, name: flows.name, revision: flows.revision });
    if (row) {
      await recordAudit(tx, {
        actor,
        action: 'flow.create',
        entityType: 'flow',
        entityId: row.id,
        after: { key, name: row.name, template },
      });
      // Validates against this transaction, so it sees the schedules, groups and integrations installed above.
      await publishDocument(tx, {
        flowId: row.id,
        document,
        source: { kind: 'draft', revision: row.revision },
        note: `Installed with the template "${template}".`,
        actor,
        action: 'version.publish',
        details: { template },
        asrEngine: context.asrEngine,
      });
    }
    settle({ kind: 'subflow', key }, row !== undefined);
  }
  // Resources another request created meanwhile were appended to `reused`; put them back in kind order.
  byKind(report.reused);
  return report;
}
