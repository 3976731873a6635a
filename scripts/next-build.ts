// The studio's Next build: whether `.next` is older than its sources, and running `next build`. Shared by
// `npm start` (scripts/start.ts) and the browser tests' global setup.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// What the Next build is made from; templates/ is read at run time and needs no rebuild.
const buildInputs = ['app', 'flow-engine', 'schemas', 'messages', 'next.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when `<root>/.next` is missing or any build input changed after it was built. */
export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, '.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return buildInputs.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

export function nextBin(root: string): string {
  return path.join(root, 'node_modules/next/dist/bin/next');
}

/** Runs a Next command (`build`, `start …`) with this Node; resolves with its exit code. */
export function runNext(root: string, args: string[], env: NodeJS.ProcessEnv, stdio: 'inherit' | 'ignore' = 'inherit'): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(root), ...args], { stdio, env, cwd: root });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
