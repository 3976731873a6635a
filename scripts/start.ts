// `npm start`: build the studio when the build is missing or older than the sources, migrate the database,
// make sure an admin exists (printing a generated login once), then run `next start`.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { bootstrapAdmin, BootstrapError } from '../app/_server/auth/bootstrap-admin';
import { createDatabase, databaseOptionsFor } from '../app/_server/db/client';
import { childProcessEnv, EnvError, loadEnv, type ServerEnv } from '../app/_server/env';
import { buildIsStale, nextBin, runNext } from './next-build';

const root = process.cwd();

function describeDatabase(env: ServerEnv): string {
  if (!env.databaseUrl) return `embedded PGlite in ${path.relative(root, env.dataDir) || '.'}/pglite`;
  const url = new URL(env.databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

async function prepareDatabase(env: ServerEnv): Promise<void> {
  const handle = await createDatabase(databaseOptionsFor(env));
  try {
    console.log(`Database: ${describeDatabase(env)} (migrated)`);
    const result = await bootstrapAdmin(handle.db, env);
    if (result.created) {
      const lines = ['First start: an administrator was created.', `  email:    ${result.email}`];
      lines.push(result.password ? `  password: ${result.password}` : '  password: the ADMIN_PASSWORD you set');
      if (result.password) lines.push('This password is shown only now; sign in and keep it somewhere safe.');
      console.log(`\n${lines.join('\n')}\n`);
    }
  } finally {
    // The embedded data directory can be open in one process only: Next opens it next.
    await handle.close();
  }
}

async function main(): Promise<number> {
  const env = loadEnv();
  const childEnv = childProcessEnv({ NEXT_TELEMETRY_DISABLED: '1', PORT: String(env.port) });
  // Build before touching the database, so a generated admin password is printed only once the server will start.
  if (buildIsStale(root)) {
    console.log('Building the studio (next build)…');
    const code = await runNext(root, ['build'], childEnv);
    if (code !== 0) return code;
  }
  await prepareDatabase(env);
  console.log(`Callflow Studio: ${env.baseUrl}`);
  const server = spawn(process.execPath, [nextBin(root), 'start', '-H', '127.0.0.1', '-p', String(env.port)], { stdio: 'inherit', env: childEnv });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  return new Promise((resolve) => server.once('exit', (code) => resolve(code ?? 0)));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EnvError || error instanceof BootstrapError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  },
);
