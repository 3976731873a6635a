// The generated migrations build the whole schema from an empty database, on PGlite and on PostgreSQL.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../../schemas/database';
import journal from '../../../schemas/migrations/meta/_journal.json';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const expectedTables = [
  'accounts',
  'agent_skills',
  'agents',
  'audit_log',
  'call_events',
  'callback_requests',
  'calls',
  'flow_versions',
  'flows',
  'integrations',
  'lines',
  'prompt_audio',
  'prompt_audio_chunk',
  'queue_entries',
  'schedules',
  'sessions',
  'sign_in_throttle',
  'skill_groups',
  'studio_settings',
  'users',
  'verifications',
];

describe.each(testBackends)('migrations on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.open({ migrate: false });
  });
  afterAll(() => database?.close());

  const publicTables = async () =>
    (
      await selectRows<{ table_name: string }>(
        database.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      )
    ).map((row) => row.table_name);

  it('an empty database gets every table after migrating', async () => {
    expect(await publicTables()).toEqual([]);
    await database.handle.migrate();
    expect(await publicTables()).toEqual(expectedTables);
  });

  it('migrating again is a no-op that records each migration once', async () => {
    await database.handle.migrate();
    const [row] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(row?.n).toBe(journal.entries.length);
    expect(await publicTables()).toEqual(expectedTables);
  });
});
