// Shared resources that flows reference by stable key: schedules, skill groups, agents and HTTP integrations.

import { relations } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { ScheduleDefinition } from '../../flow-engine/schedule/schedule-config';

export const schedules = pgTable('schedules', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull().default(''),
  definition: jsonb('definition').$type<ScheduleDefinition>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const skillGroups = pgTable('skill_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  description: text('description'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const agentStatuses = ['offline', 'available', 'busy', 'wrapUp'] as const;
export type AgentStatus = (typeof agentStatuses)[number];

export const agents = pgTable('agents', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Where a call for this agent is bridged, e.g. `user/1001` or a SIP URI. */
  contact: text('contact').notNull().unique(),
  enabled: boolean('enabled').notNull().default(true),
  status: text('status', { enum: agentStatuses }).notNull().default('offline'),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const agentSkills = pgTable(
  'agent_skills',
  {
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    skillGroupId: uuid('skill_group_id')
      .notNull()
      .references(() => skillGroups.id, { onDelete: 'cascade' }),
    /** 1 (can help) … 10 (expert); the ACD prefers higher levels. */
    level: integer('level').notNull().default(5),
  },
  (t) => [
    primaryKey({ columns: [t.agentId, t.skillGroupId] }),
    index('agent_skills_skill_group_id_idx').on(t.skillGroupId),
    check('agent_skills_level_range', sql`${t.level} between 1 and 10`),
  ],
);

export const integrations = pgTable('integrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull().default(''),
  baseUrl: text('base_url').notNull(),
  /** Non-secret headers sent with every request. */
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  /** Permit requests to loopback / private addresses (off by default, against SSRF). */
  allowInternal: boolean('allow_internal').notNull().default(false),
  /**
   * Lets testers send this integration's real request from the studio's simulator ("call the real integration").
   * On by default, as for sandboxes; administrators turn it off for production services.
   */
  allowSimulatorCalls: boolean('allow_simulator_calls').notNull().default(true),
  /** Header that carries the secret, e.g. `Authorization`; null when there is no secret. */
  secretHeaderName: text('secret_header_name'),
  /** The secret header value, encrypted with CALLFLOW_SECRET_KEY (AES-256-GCM envelope, base64). Write-only. */
  secretCiphertext: text('secret_ciphertext'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const agentsRelations = relations(agents, ({ many }) => ({
  skills: many(agentSkills),
}));

export const skillGroupsRelations = relations(skillGroups, ({ many }) => ({
  agents: many(agentSkills),
}));

export const agentSkillsRelations = relations(agentSkills, ({ one }) => ({
  agent: one(agents, { fields: [agentSkills.agentId], references: [agents.id] }),
  skillGroup: one(skillGroups, { fields: [agentSkills.skillGroupId], references: [skillGroups.id] }),
}));
