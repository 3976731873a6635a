// Calls handled by the runtime and the events each call produced (node entered, port taken, …).

import { relations } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { flows } from './flows';

export const callEndReasons = ['hangup', 'callerHangup', 'transferred', 'queued', 'error'] as const;
export type CallEndReason = (typeof callEndReasons)[number];

export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** FreeSWITCH's channel Unique-ID; replayed event batches are matched on it. */
    channelUuid: text('channel_uuid').notNull().unique(),
    number: text('number').notNull(),
    flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'set null' }),
    flowVersion: integer('flow_version'),
    caller: text('caller'),
    language: text('language'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endNode: text('end_node'),
    endReason: text('end_reason', { enum: callEndReasons }),
    endDetail: text('end_detail'),
  },
  (t) => [
    index('calls_started_at_idx').on(t.startedAt),
    index('calls_flow_id_started_at_idx').on(t.flowId, t.startedAt),
  ],
);

export const callEvents = pgTable(
  'call_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    /** Per-call sequence number, so replayed batches can be de-duplicated and ordered. */
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Dotted event name, e.g. `node.entered`, `port.taken`, `call.ended`. */
    type: text('type').notNull(),
    nodeId: text('node_id'),
    port: text('port'),
    /** Event details; sensitive values are masked before they are written. */
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  // Unique: a batch replayed from the runtime's spool after an outage inserts nothing twice.
  (t) => [uniqueIndex('call_events_call_id_seq_idx').on(t.callId, t.seq), index('call_events_at_idx').on(t.at)],
);

export const callsRelations = relations(calls, ({ one, many }) => ({
  flow: one(flows, { fields: [calls.flowId], references: [flows.id] }),
  events: many(callEvents),
}));

export const callEventsRelations = relations(callEvents, ({ one }) => ({
  call: one(calls, { fields: [callEvents.callId], references: [calls.id] }),
}));
