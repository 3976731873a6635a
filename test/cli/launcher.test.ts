// The launcher rebuilds a missing bundle before running it, and a source that does not compile is one line with exit 3.

import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let copy: string;

/** A copy of what the CLI is built from, without dist/, sharing node_modules. */
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'callflow-launcher-'));
  // Everything the CLI's commands import (admin reaches app/_server, dial the runtime).
  for (const part of [
    'app',
    'bin',
    'cli',
    'flow-engine',
    'messages',
    'runtime',
    'schemas',
    'templates',
    'package.json',
  ].filter((p) => existsSync(join(root, p)))) {
    cpSync(join(root, part), join(copy, part), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(copy, 'bin', 'callflow.js'), ...args],
      { cwd: copy, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

describe('the callflow launcher', () => {
  it('builds the bundle when it is missing, then runs it; a source that does not compile is one line and exit 3', async () => {
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    const first = await run(['validate', 'templates/small-business.json']);
    expect(first).toEqual({ code: 0, stdout: 'templates/small-business.json: valid\n', stderr: '' });
    expect(existsSync(join(copy, 'dist', 'callflow.cjs'))).toBe(true);

    // A later edit that does not compile: the launcher sees the newer source and tries to rebuild.
    writeFileSync(join(copy, 'cli', 'errors.ts'), 'export const ExitCode = {\n  ok: 0,\n  oops(\n};\n');
    const broken = await run(['validate', 'templates/small-business.json']);
    expect(broken.code).toBe(3);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(
      /^callflow: the command could not be built from its sources \(cli\/errors\.ts:\d+:\d+: .+\); run "npm run build:cli" to see why\n$/,
    );
  });
});
