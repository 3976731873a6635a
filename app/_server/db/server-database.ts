// The server process's one database handle: the one `npm start` opened and handed over, else opened (and migrated) on first use.

import 'server-only';
import { getEnv } from '../../../schemas/server-env';
import { createDatabase, databaseOptionsFor, type DatabaseHandle } from '../../../schemas/database';
import { heldDatabase, holdDatabase, releaseDatabase } from './process-database';

/** The database of this process: PostgreSQL from DATABASE_URL, else PGlite in `<data dir>/pglite`. */
export function getDatabase(): Promise<DatabaseHandle> {
  const held = heldDatabase();
  if (held) return held;
  const opening = createDatabase(databaseOptionsFor(getEnv())).catch((error: unknown) => {
    // A failed open (server down) is retried by the next request rather than cached forever.
    releaseDatabase();
    throw error;
  });
  holdDatabase(opening);
  return opening;
}
