// The one database handle of this process, kept on globalThis: the start-up launcher opens it and hands it over, and
// every Next route bundle (each may evaluate server modules anew) finds the same handle there.
// No 'server-only' import: the launcher adopts its handle through this module.

import type { DatabaseHandle } from '../../../schemas/database';

const holder = globalThis as typeof globalThis & { callflowDatabase?: Promise<DatabaseHandle> };

/** The handle this process holds, if one was opened or adopted. */
export function heldDatabase(): Promise<DatabaseHandle> | undefined {
  return holder.callflowDatabase;
}

/** Makes `handle` the process's database, e.g. the launcher's, opened and migrated before Next serves requests. */
export function holdDatabase(handle: Promise<DatabaseHandle>): void {
  holder.callflowDatabase = handle;
}

/** Forgets the handle (after a failed open, or once it is closed). */
export function releaseDatabase(): void {
  holder.callflowDatabase = undefined;
}
