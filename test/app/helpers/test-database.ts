// The databases API tests run against: in-memory PGlite always, plus a fresh PostgreSQL database when DATABASE_URL is set.

import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, type Database, type DatabaseHandle } from '../../../schemas/database';

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly db: Database;
  /** Connection URL of the throw-away PostgreSQL database; undefined on PGlite. */
  readonly url: string | undefined;
  close(): Promise<void>;
}

export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  /** Creates an empty database, migrated unless `migrate: false`. Share one per test file: PGlite takes ~4 s to start. */
  open(options?: { migrate?: boolean }): Promise<TestDatabase>;
}

const pgliteBackend: TestBackend = {
  name: 'pglite',
  async open(options) {
    const handle = await createDatabase({ dataDir: 'memory://', migrate: options?.migrate });
    return { handle, db: handle.db, url: undefined, close: () => handle.close() };
  },
};

/** A database of its own on the server from `serverUrl`, so parallel test files and runs never collide. */
function postgresBackend(serverUrl: string): TestBackend {
  return {
    name: 'postgres',
    async open(options) {
      const name = `callflow_test_${randomBytes(6).toString('hex')}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      let handle: DatabaseHandle;
      try {
        handle = await createDatabase({ url: url.toString(), migrate: options?.migrate, maxConnections: 5 });
      } catch (error) {
        await admin.unsafe(`drop database if exists ${name}`);
        await admin.end();
        throw error;
      }
      return {
        handle,
        db: handle.db,
        url: url.toString(),
        async close() {
          await handle.close();
          // FORCE (PostgreSQL 13+) ends listener connections a failed test may have left open.
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        },
      };
    },
  };
}

// Tests read the environment directly: they configure which servers to use, not the app.
const databaseUrl = process.env.DATABASE_URL;

/** The PostgreSQL backend when DATABASE_URL is set, for tests only a real server can run (e.g. an outage through a proxy). */
export const postgresTestBackend: TestBackend | undefined = databaseUrl ? postgresBackend(databaseUrl) : undefined;

/** Every backend to run each API test file against (use with `describe.each(testBackends)`). */
export const testBackends: TestBackend[] = postgresTestBackend ? [pgliteBackend, postgresTestBackend] : [pgliteBackend];
