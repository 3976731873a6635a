// One process at a time owns the embedded database's data directory: the studio while it runs, or an admin command.
// Two processes on one PGlite directory lose acknowledged writes and can leave it unreadable.
// No 'server-only' import: the start-up launcher and the CLI take this lock.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Who holds the lock: written beside it, so a refused second start can say where the first one runs. */
export interface LockOwner {
  pid: number;
  /** What the owner is, e.g. "Callflow Studio at http://127.0.0.1:3000" or "callflow admin reset-password". */
  what: string;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner ? `${owner.what} is already running (pid ${owner.pid})` : 'Another process is already using it';
    super(
      `${who} with the data directory ${dataDir}. Stop it first (Ctrl+C in its terminal${owner ? `, or kill ${owner.pid}` : ''}), or set CALLFLOW_DATA_DIR to another directory.`,
    );
  }
}

export interface DataDirLock {
  /** Updates what the owner file says (e.g. once the URL is known). */
  describe(what: string): void;
  release(): Promise<void>;
}

const lockPath = (dataDir: string) => path.join(dataDir, 'studio.lock');
const ownerPath = (dataDir: string) => path.join(dataDir, 'studio.owner.json');

function readOwner(dataDir: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(ownerPath(dataDir), 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.what === 'string'
      ? { pid: owner.pid, what: owner.what }
      : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory's lock or refuses with DataDirLockedError naming the owner. A lock left by a process that
 * no longer exists (killed with -9) is taken over at once; proper-lockfile also treats a lock whose holder stopped
 * refreshing it for 30 s as stale. `onLost` runs if the lock is taken away while held (its directory was deleted).
 */
export async function lockDataDir(dataDir: string, what: string, onLost: (error: Error) => void): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const options = {
    lockfilePath: lockPath(dataDir),
    stale: 30_000,
    update: 10_000,
    realpath: false,
    onCompromised: onLost,
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = readOwner(dataDir);
    if (!owner || isAlive(owner.pid)) throw new DataDirLockedError(dataDir, owner);
    // The owner died without releasing it; nobody else can be writing.
    rmSync(lockPath(dataDir), { recursive: true, force: true });
    release = await lockfile.lock(dataDir, options);
  }
  const describe = (text: string) =>
    writeFileSync(ownerPath(dataDir), `${JSON.stringify({ pid: process.pid, what: text })}\n`, { mode: 0o600 });
  describe(what);
  return {
    describe,
    async release() {
      rmSync(ownerPath(dataDir), { force: true });
      await release();
    },
  };
}
