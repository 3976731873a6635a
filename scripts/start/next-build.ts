// The studio's Next build: rebuilt when `.next` is missing or older than the sources it is made from. Shared by
// `npm start`, the browser tests' global setup and `npm run bench:studio`.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// What the Next build is made from; templates/ is read at run time and needs no rebuild.
const buildInputs = [
  'app',
  'flow-engine',
  'schemas',
  'messages',
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when there is no build, or a source is newer than it. */
export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, '.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return buildInputs.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

/** Runs `next build` as a child process (its output goes to ours); resolves with its exit code. */
export function runNextBuild(
  root: string,
  env: NodeJS.ProcessEnv,
  onStart?: (child: ChildProcess) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      stdio: 'inherit',
      env,
      cwd: root,
    });
    onStart?.(child);
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
