// The two ways an operator hosts the runtime, as real processes for the conformance suite: `npm start` on the embedded
// database (the runtime inside the studio process) and `npm run runtime` with DATABASE_URL (the runtime alone).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type DatabaseHandle } from '../../schemas/database';
import { postgresTestBackend, type TestDatabase } from '../app/helpers/test-database';
import { TEST_SECRET_KEY } from '../runtime/helpers/runtime-harness';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
// Generous: `npm start` may run `next build` first on a busy 2-core machine.
const START_TIMEOUT_MS = 15 * 60_000;

export interface HostedProcess {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves when a line containing `text` has been printed (rejects if the process exits first). */
  printed(text: string, timeoutMs?: number): Promise<void>;
  readonly exited: Promise<number | null>;
}

export interface Hosting {
  readonly name: string;
  /** The test's handle on the database: for seeding and reading rows. */
  open(): Promise<DatabaseHandle>;
  /** Gives the handle back (the embedded database is closed: only one process may open it). */
  release(handle: DatabaseHandle): Promise<void>;
  /** Whether the test may read the database while the process runs (not the embedded one). */
  readonly sharedWhileRunning: boolean;
  /** Spawns the process with `env` and resolves once its runtime has compiled every line's version. */
  start(env: Record<string, string>): Promise<HostedProcess>;
  dispose(): Promise<void>;
}

function spawnHosted(args: string[], env: Record<string, string>): HostedProcess {
  // As in an operator's shell: vitest's NODE_ENV=test and Vite's BASE_URL are not the operator's.
  const { NODE_ENV: _nodeEnv, BASE_URL: _baseUrl, DATABASE_URL: _databaseUrl, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: projectRoot,
    env: { ...inherited, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const waiter of [...waiters]) waiter();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = (needle: string, timeoutMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!text.includes(needle)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for "${needle}"; output so far:\n${text}`));
      }, timeoutMs);
      waiters.add(check);
      void exited.then(() => {
        if (!waiters.has(check)) return;
        waiters.delete(check);
        clearTimeout(timer);
        reject(new Error(`the process exited before printing "${needle}":\n${text}`));
      });
      check();
    });
  return { child, output: () => text, printed, exited };
}

/** `npm start` (scripts/start.ts) on a PGlite data directory of its own: the runtime runs in the studio process. */
export async function embeddedHosting(port: number): Promise<Hosting> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'callflow-fs-embedded-'));
  return {
    name: 'npm start (embedded PGlite, runtime in-process)',
    sharedWhileRunning: false,
    open: () => createDatabase({ dataDir: path.join(dataDir, 'pglite') }),
    release: (handle) => handle.close(),
    async start(env) {
      const hosted = spawnHosted(['scripts/start.ts'], {
        ...env,
        PORT: String(port),
        CALLFLOW_DATA_DIR: dataDir,
        CALLFLOW_SECRET_KEY: TEST_SECRET_KEY,
        ADMIN_EMAIL: 'admin@example.com',
        ADMIN_PASSWORD: 'a long admin password',
        CALLFLOW_RUNTIME_HTTP: '127.0.0.1:0',
      });
      await hosted.printed('[runtime] runtime: ready', START_TIMEOUT_MS);
      await hosted.printed('Callflow Studio: http', START_TIMEOUT_MS);
      return hosted;
    },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** `npm run runtime` (runtime/main.ts) on a fresh PostgreSQL database that the test opens too. */
export async function postgresHosting(): Promise<Hosting> {
  const database: TestDatabase = await postgresTestBackend!.open();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'callflow-fs-runtime-'));
  return {
    name: 'npm run runtime (PostgreSQL)',
    sharedWhileRunning: true,
    open: async () => database.handle,
    release: async () => undefined,
    async start(env) {
      const hosted = spawnHosted(['runtime/main.ts'], {
        ...env,
        DATABASE_URL: database.url!,
        CALLFLOW_DATA_DIR: dataDir,
        CALLFLOW_SECRET_KEY: TEST_SECRET_KEY,
        CALLFLOW_RUNTIME_HTTP: '127.0.0.1:0',
      });
      await hosted.printed('runtime: ready', START_TIMEOUT_MS);
      return hosted;
    },
    async dispose() {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Both modes: the embedded one always, `npm run runtime` when DATABASE_URL names a PostgreSQL server. */
export const hostingModes: { name: string; make: (studioPort: number) => Promise<Hosting> }[] = [
  { name: 'npm start (embedded PGlite)', make: embeddedHosting },
  ...(postgresTestBackend ? [{ name: 'npm run runtime (PostgreSQL)', make: () => postgresHosting() }] : []),
];
