// The migration that makes display names unique (ignoring case) and 1–100 characters must not fail on a studio whose
// users already have duplicate, over-long or control-character names: it repairs them first, oldest account first.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../../schemas/database';
import { users } from '../../../schemas/db';
import journal from '../../../schemas/migrations/meta/_journal.json';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const ours = journal.entries.findIndex((entry) => entry.tag.endsWith('_auth_names_throttle'));

/** A migrations folder holding only the migrations before the display-name one. */
function foldersBefore(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'callflow-migrations-'));
  mkdirSync(path.join(folder, 'meta'));
  const earlier = journal.entries.slice(0, ours);
  for (const entry of earlier)
    cpSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: earlier }));
  return folder;
}

describe.each(testBackends)('display-name migration on $name', (backend) => {
  let database: TestDatabase;
  let earlierFolder: string;
  beforeAll(async () => {
    expect(ours).toBeGreaterThan(0);
    database = await backend.open({ migrate: false });
    earlierFolder = foldersBefore();
  });
  afterAll(async () => {
    await database?.close();
    if (earlierFolder) rmSync(earlierFolder, { recursive: true, force: true });
  });

  it('repairs existing names, then adds the unique index and the length check', async () => {
    if (backend.name === 'pglite')
      await migratePglite(database.db as unknown as PgliteDatabase<Record<string, never>>, {
        migrationsFolder: earlierFolder,
      });
    else
      await migratePostgres(database.db as unknown as PostgresJsDatabase<Record<string, never>>, {
        migrationsFolder: earlierFolder,
      });
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));
    const longEmail = `${'l'.repeat(70)}@example.com`;
    await database.db.insert(users).values([
      { id: 'u1', name: 'Administrator', email: 'admin@example.com', createdAt: at(0) },
      { id: 'u2', name: 'administrator', email: 'mallory@example.com', createdAt: at(1) },
      { id: 'u3', name: 'ADMINISTRATOR', email: longEmail, createdAt: at(2) },
      { id: 'u4', name: 'y'.repeat(3000), email: 'long@example.com', createdAt: at(3) },
      { id: 'u5', name: 'Vic\n\tViewer\u200B', email: 'vic@example.com', createdAt: at(4) },
      { id: 'u6', name: ' \n ', email: 'blank@example.com', createdAt: at(5) },
    ]);

    await database.handle.migrate();

    const rows = await database.db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.id));
    expect(rows).toEqual([
      { id: 'u1', name: 'Administrator' },
      { id: 'u2', name: 'administrator (mallory@example.com)' },
      { id: 'u3', name: 'ADMINISTRATOR (u3)' },
      { id: 'u4', name: 'y'.repeat(100) },
      { id: 'u5', name: 'Vic Viewer' },
      { id: 'u6', name: 'blank@example.com' },
    ]);
    // From now on the database itself refuses a duplicate in another case and an over-long name.
    await expect(
      database.db.insert(users).values({ id: 'u7', name: 'vic viewer', email: 'vic2@example.com' }),
    ).rejects.toThrow();
    await expect(
      database.db.insert(users).values({ id: 'u8', name: 'z'.repeat(101), email: 'z@example.com' }),
    ).rejects.toThrow();
  });
});
