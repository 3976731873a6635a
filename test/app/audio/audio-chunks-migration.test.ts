// Migration 0005 (audio_chunks) on a database holding recordings from before it: their bytes move into 64 KB chunk rows
// and play back unchanged, and keys that differ only in case (allowed before) stay two recordings, the older renamed
// "<key>-<first 8 characters of its id>", so that the case-insensitive unique index can be built. PGlite and PostgreSQL.

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioChunkBytes } from '../../../app/_server/audio/audio-chunks';
import { createAudioDownloadHandler } from '../../../app/_server/audio/audio-http';
import { migrationsFolder, selectRows } from '../../../schemas/database';
import type { SessionUser } from '../../../app/_server/trpc';
import journal from '../../../schemas/migrations/meta/_journal.json';
import { seedUser } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { makeWav } from './make-wav';

/** A copy of the migrations folder that stops before `tag`. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'callflow-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const entries = journal.entries.slice(
    0,
    journal.entries.findIndex((entry) => entry.tag === tag),
  );
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

describe.each(testBackends)('migration 0005_audio_chunks on $name', (backend) => {
  let database: TestDatabase;
  let viewer: SessionUser;
  let folder: string;
  const welcome = makeWav({ seconds: 12.5 });
  const older = makeWav({ seconds: 1 });
  const newer = makeWav({ seconds: 2 });

  async function insertLegacy(key: string, bytes: Uint8Array, updatedAt: string): Promise<string> {
    const hex = Buffer.from(bytes).toString('hex');
    const [row] = await selectRows<{ id: string }>(
      database.db,
      sql`insert into prompt_audio (key, language, file_name, format, codec, duration_ms, sample_rate, channels, size_bytes, data, updated_at)
          values (${key}, 'en-US', ${`${key}.wav`}, 'wav', 'PCM 16-bit', 1000, 8000, 1, ${bytes.length}, decode(${hex}, 'hex'), ${updatedAt}::timestamptz) returning id`,
    );
    if (!row) throw new Error(`insert of ${key} returned no row`);
    return row.id;
  }

  beforeAll(async () => {
    database = await backend.open({ migrate: false });
    folder = migrationsBefore('0005_audio_chunks');
    if (database.handle.kind === 'pglite')
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    else await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
    viewer = await seedUser(database.db, 'viewer');
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await database?.close();
  });

  it('moves the bytes into chunks that play back unchanged, and renames the older of two keys that differ only in case', async () => {
    const welcomeId = await insertLegacy('welcome', welcome, '2026-11-01 10:00:00+00');
    const olderId = await insertLegacy('dup', older, '2026-11-01 10:00:00+00');
    const newerId = await insertLegacy('DUP', newer, '2026-11-02 10:00:00+00');

    await database.handle.migrate();

    const chunks = await selectRows<{ blob_id: string; n: number }>(
      database.db,
      sql`select blob_id, count(*)::int as n from prompt_audio_chunk group by blob_id order by n desc`,
    );
    expect(chunks[0]).toEqual({ blob_id: welcomeId, n: Math.ceil(welcome.length / audioChunkBytes) });
    const keys = await selectRows<{ id: string; key: string }>(database.db, sql`select id, key from prompt_audio`);
    expect(new Map(keys.map((row) => [row.id, row.key]))).toEqual(
      new Map([
        [welcomeId, 'welcome'],
        [olderId, `dup-${olderId.slice(0, 8)}`],
        [newerId, 'DUP'],
      ]),
    );

    const download = createAudioDownloadHandler({
      db: database.db,
      trustedOrigins: [],
      currentUser: async () => viewer,
    });
    for (const [id, bytes] of [
      [welcomeId, welcome],
      [olderId, older],
      [newerId, newer],
    ] as const) {
      const played = await download(new Request(`http://studio.test/api/audio/${id}`), id);
      expect(played.status).toBe(200);
      expect(Buffer.compare(Buffer.from(await played.arrayBuffer()), Buffer.from(bytes))).toBe(0);
    }
  });
});
