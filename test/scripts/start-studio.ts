// Starts the real `npm start` launcher (scripts/start.ts) as users run it, for tests of the launcher and of what
// only the built studio shows (Next's build loads its own copies of the app's modules and dependencies).

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const adminEmail = 'admin@example.com';
export const adminPassword = 'a long admin password';
// Generous: the first start may run `next build` on a busy 2-core machine.
export const firstStartMs = 15 * 60_000;

export interface Started {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number>;
}

/** Spawns `scripts/start.ts` the way `npm start` does (node with tsx), with its own data directory and port. */
export function startStudio(dataDir: string, port: number): Started {
  // As in a user's shell: vitest sets NODE_ENV=test and Vite's BASE_URL=/ (which would be the studio's public URL).
  const { NODE_ENV: _nodeEnv, BASE_URL: _baseUrl, ...inherited } = process.env;
  const env = {
    ...inherited,
    PORT: String(port),
    CALLFLOW_DATA_DIR: dataDir,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    DATABASE_URL: '',
    CALLFLOW_RUNTIME_LISTEN: '127.0.0.1:0',
    CALLFLOW_RUNTIME_HTTP: '127.0.0.1:0',
  } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 0))),
  );
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (!match) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match[0]);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`Timed out waiting for ${pattern}; output so far:\n${text}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`The studio exited before printing ${pattern}; output:\n${text}`));
          }
        });
        check();
      });
    },
  };
}
