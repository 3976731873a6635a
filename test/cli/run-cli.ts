// Test helper: runs the real `callflow` launcher (and so the esbuild bundle users run) as a child process.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- plain JavaScript module of the launcher, no type declarations
import { buildCli, isBundleFresh } from '../../bin/build-cli.js';

export const launcher = fileURLToPath(new URL('../../bin/callflow.js', import.meta.url));

/** The CLI fixtures directory; commands run from here so paths in messages stay short. */
export const fixturesDir = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

let bundleReady: Promise<void> | undefined;

/**
 * Rebuild dist/callflow.cjs once per test file when a source changed, so the launchers a test spawns in
 * parallel find it fresh instead of each rebuilding it (the launcher would, and the result is the same).
 */
export function ensureBundle(): Promise<void> {
  bundleReady ??= isBundleFresh() ? Promise.resolve() : (buildCli() as Promise<void>);
  return bundleReady;
}

/** Run `node bin/callflow.js ...args` in `cwd` (the fixtures directory by default). */
export async function runCli(args: string[], cwd = fixturesDir): Promise<CliRun> {
  await ensureBundle();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [launcher, ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        // Node's ExecFileException type loses `extends Error` through an Omit; the value is an Error.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the cast is what tells prefer-promise-reject-errors it is an Error
        reject(error as Error);
        return;
      }
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}
