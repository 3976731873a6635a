// Studio-wide settings an administrator changes: one row (id is always true), read with defaults when never saved.

import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const studioSettings = pgTable(
  'studio_settings',
  {
    /** Always true: the check below keeps the table to a single row. */
    id: boolean('id').primaryKey().default(true),
    /** Publishing runs the flow's test cases first and refuses the version when one fails. */
    requireTestsToPublish: boolean('require_tests_to_publish').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [check('studio_settings_single_row', sql`${t.id}`)],
);
