// Agents router: the people queues ring, with their skills (skill group + level 1–10).

import 'server-only';
import { CodedError } from '../../coded-error';
import { asc, eq, inArray } from 'drizzle-orm';
import * as z from 'zod';
import { agents, agentSkills, skillGroups } from '../../../../schemas/db';
import { recordAudit } from '../../../../schemas/record-audit';
import type { Executor } from '../../../../schemas/database';
import { isUniqueViolation } from '../../db/unique-violation';
import { createTRPCRouter, designerProcedure, viewerProcedure } from '../../trpc';
import { notFound, resourceId, resourceKey, resourceName } from './resource-input';
import { oneRow } from '../../db/one-row';

const contact = z.string().trim().min(1, 'Please give where calls reach the agent, e.g. user/1001.').max(200);
const skills = z
  .array(
    z.object({
      skillGroup: resourceKey,
      level: z.number().int().min(1, 'A skill level is 1 to 10.').max(10, 'A skill level is 1 to 10.'),
    }),
  )
  .max(100)
  .refine(
    (list) => new Set(list.map((s) => s.skillGroup)).size === list.length,
    'Each skill group may be listed once per agent.',
  );

type SkillInput = z.output<typeof skills>;

export interface AgentView {
  id: string;
  name: string;
  contact: string;
  enabled: boolean;
  status: string;
  skills: { skillGroup: string; skillGroupName: string; level: number }[];
}

/** Agents with their skills, in two queries rather than one per agent. */
async function loadAgents(db: Executor, ids?: string[]): Promise<AgentView[]> {
  const rows = await db
    .select({
      id: agents.id,
      name: agents.name,
      contact: agents.contact,
      enabled: agents.enabled,
      status: agents.status,
    })
    .from(agents)
    .where(ids ? inArray(agents.id, ids) : undefined)
    .orderBy(asc(agents.name), asc(agents.id));
  if (rows.length === 0) return [];
  const skillRows = await db
    .select({
      agentId: agentSkills.agentId,
      skillGroup: skillGroups.key,
      skillGroupName: skillGroups.name,
      level: agentSkills.level,
    })
    .from(agentSkills)
    .innerJoin(skillGroups, eq(skillGroups.id, agentSkills.skillGroupId))
    .where(
      inArray(
        agentSkills.agentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(skillGroups.key));
  return rows.map((row) => ({
    ...row,
    skills: skillRows
      .filter((s) => s.agentId === row.id)
      .map(({ skillGroup, skillGroupName, level }) => ({ skillGroup, skillGroupName, level })),
  }));
}

async function loadAgent(db: Executor, id: string): Promise<AgentView> {
  const [agent] = await loadAgents(db, [id]);
  if (!agent) throw notFound('agent');
  return agent;
}

/** Replaces an agent's skills; unknown skill group keys are refused by name. */
async function writeSkills(tx: Executor, agentId: string, list: SkillInput): Promise<void> {
  await tx.delete(agentSkills).where(eq(agentSkills.agentId, agentId));
  if (list.length === 0) return;
  const groups = await tx
    .select({ id: skillGroups.id, key: skillGroups.key })
    .from(skillGroups)
    .where(
      inArray(
        skillGroups.key,
        list.map((s) => s.skillGroup),
      ),
    );
  const idOf = new Map(groups.map((g) => [g.key, g.id]));
  const missing = list.filter((s) => !idOf.has(s.skillGroup)).map((s) => `"${s.skillGroup}"`);
  if (missing.length > 0)
    throw new CodedError(
      'BAD_REQUEST',
      'skillGroupsMissing',
      { keys: missing.join(', ') },
      `There is no skill group ${missing.join(', ')}; create it first.`,
    );
  await tx
    .insert(agentSkills)
    .values(list.map((s) => ({ agentId, skillGroupId: idOf.get(s.skillGroup)!, level: s.level })));
}

const auditView = ({ name, contact, enabled, skills }: AgentView) => ({
  name,
  contact,
  enabled,
  skills: skills.map(({ skillGroup, level }) => ({ skillGroup, level })),
});

/** Runs an agent change with its audit row; a contact another agent has becomes CONFLICT. */
async function changeAgent(
  db: Executor,
  actor: { id: string },
  action: string,
  id: string | null,
  change: (tx: Executor) => Promise<string>,
) {
  try {
    return await db.transaction(async (tx) => {
      const before = id ? await loadAgent(tx, id) : null;
      const after = await loadAgent(tx, await change(tx));
      await recordAudit(tx, {
        actor,
        action,
        entityType: 'agent',
        entityId: after.id,
        before: before && auditView(before),
        after: auditView(after),
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new CodedError('CONFLICT', 'agentContactTaken', {}, 'Another agent already uses that contact.', error);
    throw error;
  }
}

export const agentsRouter = createTRPCRouter({
  list: viewerProcedure.query(({ ctx }) => loadAgents(ctx.db)),

  create: designerProcedure
    .input(z.object({ name: resourceName, contact, enabled: z.boolean().default(true), skills: skills.default([]) }))
    .mutation(({ ctx, input }) =>
      changeAgent(ctx.db, ctx.user, 'agent.create', null, async (tx) => {
        const row = oneRow(
          await tx
            .insert(agents)
            .values({ name: input.name, contact: input.contact, enabled: input.enabled })
            .returning({ id: agents.id }),
          'the agents insert',
        );
        await writeSkills(tx, row.id, input.skills);
        return row.id;
      }),
    ),

  update: designerProcedure
    .input(
      z.object({
        id: resourceId,
        name: resourceName.optional(),
        contact: contact.optional(),
        enabled: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      changeAgent(ctx.db, ctx.user, 'agent.update', input.id, async (tx) => {
        const { id, ...fields } = input;
        await tx
          .update(agents)
          .set({ ...fields, updatedAt: new Date() })
          .where(eq(agents.id, id));
        return id;
      }),
    ),

  /** Replace the agent's skills with `skills`. */
  setSkills: designerProcedure.input(z.object({ id: resourceId, skills })).mutation(({ ctx, input }) =>
    changeAgent(ctx.db, ctx.user, 'agent.setSkills', input.id, async (tx) => {
      await writeSkills(tx, input.id, input.skills);
      return input.id;
    }),
  ),

  delete: designerProcedure.input(z.object({ id: resourceId })).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const before = await loadAgent(tx, input.id);
      await tx.delete(agents).where(eq(agents.id, input.id));
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'agent.delete',
        entityType: 'agent',
        entityId: input.id,
        before: auditView(before),
      });
      return { id: input.id, deleted: true as const };
    }),
  ),
});
