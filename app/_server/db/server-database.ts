// The server process's one database handle, opened (and migrated) on first use.

import 'server-only';
import { getEnv } from '../env';
import { createDatabase, databaseOptionsFor, type DatabaseHandle } from './client';

// Next may evaluate this module once per route bundle; the handle must still be one per process
// (an embedded PGlite data directory can only be opened once).
const holder = globalThis as typeof globalThis & { callflowDatabase?: Promise<DatabaseHandle> };

/** The database of this process: PostgreSQL from DATABASE_URL, else PGlite in `<data dir>/pglite`. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!holder.callflowDatabase) {
    holder.callflowDatabase = createDatabase(databaseOptionsFor(getEnv())).catch((error: unknown) => {
      // A failed open (server down) is retried by the next request rather than cached forever.
      holder.callflowDatabase = undefined;
      throw error;
    });
  }
  return holder.callflowDatabase;
}
