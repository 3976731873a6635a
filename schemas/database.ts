// Opens the database: embedded PGlite under the data directory, or PostgreSQL through postgres.js, behind one Drizzle type (studio and runtime share it).
// No 'server-only' import: the start-up launcher (plain Node via tsx) and the tests import this module.

import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './db';

export type Schema = typeof schema;
/** The Drizzle database, the same type whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Database | Transaction;

export type Unlisten = () => Promise<void>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /** Calls `fn` with the payload of every NOTIFY on `channel` until the returned function is called. */
  listen(channel: string, fn: (payload: string) => void): Promise<Unlisten>;
  /** Sends a NOTIFY outside any transaction; inside one use `notifyInTransaction`. */
  notify(channel: string, payload: string): Promise<void>;
  /** Applies pending migrations (createDatabase does this unless told not to); safe to repeat. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory, or `memory://` for a throw-away in-memory database. */
  dataDir?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** Pool size for postgres.js (default 10). */
  maxConnections?: number;
  /** Seconds postgres.js waits for a new connection before giving up with CONNECT_TIMEOUT (default 30). */
  connectTimeoutSeconds?: number;
}

/** Where drizzle-kit writes the SQL migrations; resolved from the project root the server runs in. */
export const migrationsFolder = path.resolve(process.cwd(), 'schemas/migrations');

// Any constant shared by every process of the studio and runtime; serialises concurrent migrations on one server.
const MIGRATION_LOCK_ID = 727_001;

/**
 * Runs raw SQL and returns its rows. Prefer the query builder; for the rare raw query this hides that
 * PGlite's `execute` returns `{ rows }` while postgres.js returns the rows themselves.
 */
export async function selectRows<Row extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<Row[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return result as Row[];
  return (result as { rows: Row[] }).rows;
}

/** Sends a NOTIFY that is delivered when the surrounding transaction commits (and never if it rolls back). */
export async function notifyInTransaction(executor: Executor, channel: string, payload: string): Promise<void> {
  await executor.execute(sql`select pg_notify(${channel}, ${payload})`);
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  const client = await PGlite.create(options.dataDir ?? 'memory://');
  const drizzleDb = drizzlePglite({ client, schema });
  const handle: DatabaseHandle = {
    // Both drivers build the same PgDatabase; only their raw-result type parameter differs.
    db: drizzleDb,
    kind: 'pglite',
    migrate: () => migratePglite(drizzleDb, { migrationsFolder }),
    async listen(channel, fn) {
      const unlisten = await client.listen(channel, fn);
      return () => unlisten();
    },
    async notify(channel, payload) {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    close: () => client.close(),
  };
  if (options.migrate !== false) await handle.migrate();
  return handle;
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  // Notices such as "relation already exists, skipping" are expected during migration; keep them off the console.
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 30,
    onnotice: () => undefined,
  });
  const drizzleDb = drizzlePostgres({ client, schema });
  const handle: DatabaseHandle = {
    db: drizzleDb,
    kind: 'postgres',
    async migrate() {
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migratePostgres(drizzleDb, { migrationsFolder });
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
        lock.release();
      }
    },
    async listen(channel, fn) {
      const meta = await client.listen(channel, (payload) => fn(payload));
      return () => meta.unlisten();
    },
    async notify(channel, payload) {
      await client.notify(channel, payload);
    },
    close: () => client.end({ timeout: 5 }),
  };
  if (options.migrate !== false) await handle.migrate();
  return handle;
}

/** The database the settings point at: PostgreSQL from DATABASE_URL, else PGlite in `<data dir>/pglite`. */
export function databaseOptionsFor(env: { databaseUrl: string | undefined; dataDir: string }): DatabaseOptions {
  return env.databaseUrl ? { url: env.databaseUrl } : { dataDir: path.join(env.dataDir, 'pglite') };
}

/**
 * Opens (and by default migrates) the database.
 * @example
 * const handle = await createDatabase({ dataDir: 'memory://' });
 * const rows = await handle.db.select().from(flows);
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}
