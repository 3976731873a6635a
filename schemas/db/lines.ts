// Lines: a dialled number bound to a flow and a pinned version, or to whatever version is latest.

import { relations } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { flows } from './flows';

export const lines = pgTable(
  'lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The dialled number as FreeSWITCH reports it (destination number); bound once. */
    number: text('number').notNull().unique(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'restrict' }),
    /** A pinned version number, or null for "latest published". */
    version: integer('version'),
    enabled: boolean('enabled').notNull().default(true),
    label: text('label').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lines_flow_id_idx').on(t.flowId)],
);

export const linesRelations = relations(lines, ({ one }) => ({
  flow: one(flows, { fields: [lines.flowId], references: [flows.id] }),
}));
