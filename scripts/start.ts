// `npm start`: one process owns the studio — the data directory lock, the port, the database and Next — and releases
// them in order on Ctrl+C / SIGTERM. Phases: lock, listen, build if stale, open + migrate, first admin, Next, ready.

import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { bootstrapAdmin, BootstrapError } from '../app/_server/auth/bootstrap-admin';
import { createDatabase, databaseOptionsFor, type DatabaseHandle } from '../schemas/database';
import { DataDirLockedError, lockDataDir } from '../schemas/data-dir-lock';
import { holdDatabase, releaseDatabase } from '../app/_server/db/process-database';
import { childProcessEnv, EnvError, loadEnv, setLibraryEnv, type ServerEnv } from '../schemas/server-env';
import { trustProxyFrom } from '../schemas/trust-proxy';
import { listenStudioServer, PortInUseError } from '../app/_server/http/studio-server';
import { loadRuntimeConfig } from '../runtime/config';
import { startRuntime } from '../runtime/start-runtime';
import { buildIsStale, runNextBuild } from './start/next-build';
import { ShutdownStack } from './start/shutdown-stack';

const root = process.cwd();

/** A start-up failure explained in its message; no stack trace is printed. */
class StartError extends Error {
  override name = 'StartError';
}
const held = new ShutdownStack();
let building: ChildProcess | undefined;
let stopping = false;

function phase(text: string): void {
  console.log(`[start] ${text}`);
}

/** A path relative to the project when it is inside it, else absolute. */
function displayPath(target: string): string {
  const relative = path.relative(root, target);
  return relative === '' ? '.' : relative.startsWith('..') ? target : relative;
}

function describeDatabase(env: ServerEnv): string {
  if (!env.databaseUrl) return `embedded PGlite in ${path.join(displayPath(env.dataDir), 'pglite')}`;
  const url = new URL(env.databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

function printFirstAdmin(result: Awaited<ReturnType<typeof bootstrapAdmin>>): void {
  if (!result.created) return;
  const lines = ['First start: an administrator was created.', `  email:    ${result.email}`];
  lines.push(result.password ? `  password: ${result.password}` : '  password: the ADMIN_PASSWORD you set');
  if (result.password) lines.push('This password is shown only now; sign in and keep it somewhere safe.');
  console.log(`\n${lines.join('\n')}\n`);
}

/** Stops everything in reverse order; the database is closed cleanly so that every acknowledged write is on disk. */
async function stop(reason: string): Promise<number> {
  if (stopping) return 1;
  stopping = true;
  phase(`${reason}: stopping…`);
  building?.kill('SIGTERM');
  const clean = await held.unwind();
  phase(clean ? 'Stopped.' : 'Stopped, with the errors above.');
  return clean ? 0 : 1;
}

async function start(env: ServerEnv): Promise<void> {
  const url = env.baseUrl;
  if (!env.databaseUrl) {
    // First, so that a second `npm start` on the same data directory is refused before it touches anything.
    const lock = await lockDataDir(env.dataDir, `Callflow Studio at ${url}`, (error) => {
      console.error(`The lock on ${env.dataDir} was lost (${error.message}); stopping to protect the database.`);
      void stop('Lock lost').then((code) => process.exit(code || 1));
    });
    held.add('the data directory lock', () => lock.release());
    phase(`Data directory ${displayPath(env.dataDir)} locked by this process (pid ${process.pid}).`);
  }

  // The port is taken before migrating or printing a login, and held from then on; until Next is ready it answers 503.
  const server = await listenStudioServer({
    host: env.host,
    port: env.port,
    trustProxy: trustProxyFrom(env.trustProxy),
  });
  held.add('the HTTP server', () => server.close());
  phase(
    `Listening on ${env.host}:${env.port}${env.trustProxy ? ` (trusting proxies: ${env.trustProxy})` : ''}; answering "starting" until ready.`,
  );

  if (buildIsStale(root)) {
    server.setPhase('building');
    phase('Building the studio (next build; a minute or two on first start)…');
    const code = await runNextBuild(
      root,
      childProcessEnv({ NEXT_TELEMETRY_DISABLED: '1' }),
      (child) => (building = child),
    );
    building = undefined;
    if (stopping) return;
    if (code !== 0) throw new StartError(`next build failed with exit code ${code}; see its output above.`);
  } else {
    phase('The studio build is up to date.');
  }

  server.setPhase('database');
  const handle: DatabaseHandle = await createDatabase(databaseOptionsFor(env));
  holdDatabase(Promise.resolve(handle));
  held.add('the database', async () => {
    releaseDatabase();
    await handle.close();
    phase('Database closed cleanly.');
  });
  phase(`Database: ${describeDatabase(env)} (migrated).`);
  // Services that share this process and its database (the FreeSWITCH runtime on the embedded default) start here,
  // with `handle`, and register their stop in `held` so they stop before the database closes.
  if (!env.databaseUrl) {
    server.setPhase('runtime');
    await startEmbeddedRuntime(handle);
  }

  printFirstAdmin(await bootstrapAdmin(handle.db, env));

  server.setPhase('next');
  phase('Starting Next…');
  setLibraryEnv({ NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' });
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, hostname: env.host, port: env.port });
  await app.prepare();
  held.add('Next', () => app.close());
  server.serve(app.getRequestHandler());
  // Unwound first: no new requests, and those in flight finish before Next and the database close.
  held.add('the HTTP server', () => server.close());
  console.log(`Callflow Studio: ${url}`);
}

/**
 * On the embedded database only this process may open it, so the FreeSWITCH runtime runs here (with DATABASE_URL it
 * runs as its own processes: `npm run runtime`). A runtime that cannot start (bad CALLFLOW_RUNTIME_* setting, port in
 * use) is reported and the studio starts anyway.
 */
async function startEmbeddedRuntime(handle: DatabaseHandle): Promise<void> {
  try {
    const runtime = await startRuntime({
      database: handle,
      config: loadRuntimeConfig(),
      log: (message) => console.log(`[runtime] ${message}`),
    });
    held.add('the FreeSWITCH runtime', () => runtime.stop());
    phase(
      `FreeSWITCH runtime: outbound socket ${runtime.eslAddress.host}:${runtime.eslAddress.port}, health http://${runtime.httpAddress.host}:${runtime.httpAddress.port}/healthz.`,
    );
  } catch (error) {
    console.error(
      `The FreeSWITCH runtime did not start (the studio starts without it): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function main(): Promise<void> {
  let env: ServerEnv;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) {
        console.error('Stopping immediately.');
        process.exit(1);
      }
      void stop(signal).then((code) => process.exit(code));
    });
  }
  try {
    await start(env);
  } catch (error) {
    const known =
      error instanceof DataDirLockedError ||
      error instanceof PortInUseError ||
      error instanceof BootstrapError ||
      error instanceof StartError;
    console.error(
      known || !(error instanceof Error)
        ? String(error instanceof Error ? error.message : error)
        : (error.stack ?? error.message),
    );
    await stop('Start-up failed');
    process.exit(1);
  }
}

void main();
