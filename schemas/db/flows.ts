// Flows (editable draft + revision for optimistic concurrency) and their immutable published versions.

import { relations } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FlowDocument } from '../../flow-engine/document';
import { users } from './auth';

export const flows = pgTable(
  'flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The document's `id`: the stable key that subflow refs and exports use across environments. */
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    draft: jsonb('draft').$type<FlowDocument>().notNull(),
    /** Bumped by every saved change; a save names the revision it was based on. */
    revision: integer('revision').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The list is ordered by most recently updated, with id as a tie-breaker for keyset pages.
    index('flows_updated_at_idx').on(t.updatedAt.desc(), t.id.desc()),
  ],
);

export const flowVersions = pgTable(
  'flow_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    document: jsonb('document').$type<FlowDocument>().notNull(),
    /** sha-256 (hex) of the document's canonical JSON. */
    checksum: text('checksum').notNull(),
    note: text('note').notNull().default(''),
    publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('flow_versions_flow_id_number_idx').on(t.flowId, t.number)],
);

export const flowsRelations = relations(flows, ({ one, many }) => ({
  versions: many(flowVersions),
  creator: one(users, { fields: [flows.createdBy], references: [users.id] }),
  updater: one(users, { fields: [flows.updatedBy], references: [users.id] }),
}));

export const flowVersionsRelations = relations(flowVersions, ({ one }) => ({
  flow: one(flows, { fields: [flowVersions.flowId], references: [flows.id] }),
  publisher: one(users, { fields: [flowVersions.publishedBy], references: [users.id] }),
}));
