// Queue entries (one per caller waiting in a skill group's FIFO) and callback requests, shared by every runtime process.

import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { flows } from './flows';
import { agents, skillGroups } from './resources';

export const queueEntryStatuses = [
  'waiting',
  'offered',
  'answered',
  'overflow',
  'noAgents',
  'callback',
  'abandoned',
] as const;
export type QueueEntryStatus = (typeof queueEntryStatuses)[number];

/**
 * A caller in a skill group's queue. Runtimes claim the head of a group's FIFO while holding the group's row lock
 * (so two runtimes never offer one agent twice or jump the order) and agents with `FOR UPDATE SKIP LOCKED`.
 * `priority` is stored for the strategies of a later issue; the FIFO orders by it first.
 */
export const queueEntries = pgTable(
  'queue_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    skillGroupId: uuid('skill_group_id')
      .notNull()
      .references(() => skillGroups.id, { onDelete: 'cascade' }),
    /** FreeSWITCH's channel Unique-ID of the waiting caller. */
    channelUuid: text('channel_uuid').notNull(),
    caller: text('caller').notNull().default(''),
    priority: integer('priority').notNull().default(0),
    status: text('status', { enum: queueEntryStatuses }).notNull().default('waiting'),
    /** The agent offered the call (status offered/answered). */
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('queue_entries_fifo_idx').on(t.skillGroupId, t.status, t.priority, t.enqueuedAt)],
);

export const callbackStatuses = ['pending', 'dialling', 'done', 'failed'] as const;
export type CallbackStatus = (typeof callbackStatuses)[number];

/** A caller's request to be called back; the dialer of a later issue claims pending rows with SKIP LOCKED. */
export const callbackRequests = pgTable(
  'callback_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    /** The skill group key whose team calls back (null: any). */
    skillGroupKey: text('skill_group_key'),
    when: text('when', { enum: ['asap', 'nextOpen'] }).notNull(),
    /** Earliest instant to dial (now for asap, the next opening for nextOpen). */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: callbackStatuses }).notNull().default('pending'),
    channelUuid: text('channel_uuid').notNull(),
    flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'set null' }),
    node: text('node').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('callback_requests_due_idx').on(t.status, t.dueAt)],
);
