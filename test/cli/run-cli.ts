// Test helper: runs the real `callflow` launcher as a child process and captures its output and exit code.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const launcher = fileURLToPath(new URL('../../bin/callflow.js', import.meta.url));

/** The CLI fixtures directory; commands run from here so paths in messages stay short. */
export const fixturesDir = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `node bin/callflow.js ...args` in `cwd` (the fixtures directory by default). */
export function runCli(args: string[], cwd = fixturesDir): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [launcher, ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}
