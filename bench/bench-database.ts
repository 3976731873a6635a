// The API benchmark's database: in-memory PGlite by default, or a fresh database on the server in DATABASE_URL.

import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, type DatabaseHandle } from '../schemas/database';

export interface BenchDatabase {
  handle: DatabaseHandle;
  /** What the figures were measured on, for the report. */
  label: string;
  close(): Promise<void>;
}

/** Opens and migrates an empty database; on PostgreSQL a throw-away one that close() drops. */
export async function openBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl) {
    const handle = await createDatabase({ dataDir: 'memory://' });
    return { handle, label: 'PGlite (in memory)', close: () => handle.close() };
  }
  const name = `callflow_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ url: url.toString(), maxConnections: 5 });
  const [setting] = await admin<{ version: string }[]>`select current_setting('server_version') as version`;
  if (!setting) throw new Error('current_setting(server_version) returned no row');
  const { version } = setting;
  return {
    handle,
    label: `PostgreSQL ${version} (fresh database ${name})`,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
