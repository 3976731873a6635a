// `npm run runtime` / `callflow runtime`: the runtime as its own process, stopped gracefully by SIGTERM or SIGINT.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDatabase } from '../schemas/database';
import { loadRuntimeConfig, RuntimeConfigError, type RuntimeConfig } from './config';
import { RuntimePortInUseError } from './listen-port';
import { startRuntime, type RunningRuntime } from './start-runtime';

const log = (message: string) => process.stdout.write(`${new Date().toISOString()} ${message}\n`);

/** Start from the environment; resolves with the exit code once stopped (1 at once for bad settings). */
export async function runRuntimeProcess(env: Record<string, string | undefined> = process.env): Promise<number> {
  let config: RuntimeConfig;
  try {
    config = loadRuntimeConfig(env);
  } catch (error) {
    if (error instanceof RuntimeConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  // Without DATABASE_URL the embedded database of `npm start` is used; only one process may open it.
  const database = await createDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'pglite') },
  );
  let runtime: RunningRuntime;
  try {
    runtime = await startRuntime({ database, config, log });
  } catch (error) {
    await database.close();
    if (!(error instanceof RuntimePortInUseError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log(`runtime: ${signal}: draining calls for up to ${config.drainSeconds} s`);
      void runtime.stop().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await database.close();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runRuntimeProcess().then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`runtime: ${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
