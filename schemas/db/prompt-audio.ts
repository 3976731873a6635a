// The prompt audio library: one recording per key and language, referenced by flows as `{ "audio": { "<lang>": "<key>" } }`.

import { bigint, check, customType, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth';

/** Raw bytes (PostgreSQL bytea): postgres.js gives a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const promptAudio = pgTable(
  'prompt_audio',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The stable key flows use; the same key in each language is the same prompt. */
    key: text('key').notNull(),
    /** BCP 47 tag of the recording, e.g. zh-CN. */
    language: text('language').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['wav', 'mp3'] }).notNull(),
    /** e.g. "PCM 16-bit", "MPEG-2 Layer III", read from the file itself. */
    codec: text('codec').notNull(),
    durationMs: integer('duration_ms').notNull(),
    sampleRate: integer('sample_rate').notNull(),
    channels: integer('channels').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    data: bytea('data').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('prompt_audio_key_language_unique').on(t.key, t.language), check('prompt_audio_duration_positive', sql`${t.durationMs} > 0`)],
);
