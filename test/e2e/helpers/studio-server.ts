// Starts the real studio (`scripts/start.ts`, as `npm start` does) on a free port with its own data directory.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const studioRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface StudioServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  dataDir: string;
  admin: { email: string; password: string };
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartStudioOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Milliseconds to wait for the first answer; PGlite's first start and migrations are slow on a busy machine. */
  startTimeout?: number;
}

/** A port nobody listens on right now (the OS picks it); the server binds it a moment later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The studio exited with code ${child.exitCode} before answering:\n${output()}`);
    try {
      const response = await fetch(`${url}/sign-in`, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The studio did not answer at ${url} within ${timeout} ms:\n${output()}`);
}

/** Starts `scripts/start.ts` with PORT, CALLFLOW_DATA_DIR, ADMIN_EMAIL and ADMIN_PASSWORD set; always embedded PGlite. */
export async function startStudio(options: StartStudioOptions = {}): Promise<StudioServer> {
  const port = options.port || (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'callflow-e2e-'));
  const admin = { email: 'admin@example.com', password: `pw-${randomBytes(9).toString('base64url')}` };
  // The browser tests own their database and keys: never the shared DATABASE_URL that API tests use, nor outer settings.
  const {
    DATABASE_URL: _db,
    BASE_URL: _base,
    CALLFLOW_SECRET_KEY: _key,
    BETTER_AUTH_SECRET: _auth,
    ...inherited
  } = process.env;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(studioRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: studioRoot,
    env: {
      ...inherited,
      PORT: String(port),
      BASE_URL: url,
      CALLFLOW_DATA_DIR: dataDir,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends tsx, the launcher and `next start` together.
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log;

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const forced = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await waitForHttp(url, child, output, options.startTimeout ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, dataDir, admin, output, stop };
}
