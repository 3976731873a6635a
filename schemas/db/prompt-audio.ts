// The prompt audio library: one recording per key and language, referenced by flows as `{ "audio": { "<lang>": "<key>" } }`.
// Keys are case-insensitive ("dup" and "DUP" are one recording; the first spelling is kept). The bytes live in
// `prompt_audio_chunk`, 64 KB a row, written and read one statement at a time (app/_server/audio/audio-chunks.ts): one
// large bytea statement blocks embedded PGlite (WebAssembly in the studio's own process) for seconds, and chunk rows
// work wherever the studio runs, with no shared directory.

import {
  bigint,
  check,
  customType,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth';

/** Raw bytes (PostgreSQL bytea): postgres.js gives a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const promptAudio = pgTable(
  'prompt_audio',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The stable key flows use; the same key in each language is the same prompt. Unique regardless of case. */
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
    /** The chunks of this recording's bytes (`prompt_audio_chunk.blob_id`); a replacement gets a new blob. */
    blobId: uuid('blob_id').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('prompt_audio_key_language_unique').on(sql`lower(${t.key})`, t.language),
    check('prompt_audio_duration_positive', sql`${t.durationMs} > 0`),
  ],
);

/**
 * A recording's bytes in order (`seq` from 0). Written before the `prompt_audio` row that points at them, so no
 * foreign key; the row's deletion or replacement deletes its chunks in the same transaction.
 */
export const promptAudioChunks = pgTable(
  'prompt_audio_chunk',
  {
    blobId: uuid('blob_id').notNull(),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);
