// An unexpected failure (here: stdout on a full disk) prints one line with an error id; the stack only with --debug.

import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { ensureBundle, fixturesDir, launcher } from './run-cli';

/** Run the CLI with stdout on /dev/full, so every write fails with ENOSPC. */
async function runWithFullDisk(args: string[]): Promise<{ code: number | null; stderr: string }> {
  await ensureBundle();
  const full = openSync('/dev/full', 'w');
  const child = spawn(process.execPath, [launcher, ...args], { cwd: fixturesDir, stdio: ['ignore', full, 'pipe'] });
  closeSync(full);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('callflow on an unexpected failure', () => {
  it('prints one line with an error id and exit 3; --debug adds the stack under the same id', async () => {
    const [plain, debug] = await Promise.all([
      runWithFullDisk(['validate', 'hotline/hotline.json']),
      runWithFullDisk(['validate', '--debug', 'hotline/hotline.json']),
    ]);
    expect(plain.code).toBe(3);
    expect(plain.stderr).toMatch(
      /^callflow: unexpected error [0-9a-f]{8}: Error: ENOSPC: no space left on device, write; run again with --debug to see the stack\n$/,
    );
    expect(debug.code).toBe(3);
    const [first, ...stack] = debug.stderr.trimEnd().split('\n');
    const id = /^callflow: unexpected error ([0-9a-f]{8}): Error: ENOSPC: no space left on device, write$/.exec(
      first ?? '',
    )?.[1];
    expect(id).toBeDefined();
    expect(stack[0]).toBe(`[${id}] Error: ENOSPC: no space left on device, write`);
    expect(stack.slice(1).filter((line) => !line.startsWith('    at '))).toEqual([]);
    expect(stack.length).toBeGreaterThan(1);
    // The code that ran is the bundle users run, not the TypeScript sources.
    expect(stack).toContainEqual(expect.stringContaining('dist/callflow.cjs'));
  });

  it('main() turns an exception inside a command into the same one line instead of throwing', async () => {
    const err: string[] = [];
    const code = await main(['--help'], {
      out: () => {
        throw new TypeError('the terminal went away');
      },
      err: (text) => err.push(text),
      cwd: fixturesDir,
    });
    expect(code).toBe(3);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /^callflow: unexpected error [0-9a-f]{8}: TypeError: the terminal went away; run again with --debug to see the stack\n$/,
    );
  });
});
