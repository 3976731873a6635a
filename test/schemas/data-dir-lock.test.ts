// The data directory lock: a second owner is refused with the first one's pid and description; a lock left by a process
// that no longer exists is taken over; releasing it lets the next owner in.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../schemas/data-dir-lock';

describe('data directory lock', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'callflow-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('a second owner is refused with the pid and what holds it; after release the next one gets it', async () => {
    const first = await lockDataDir(dataDir, 'Callflow Studio at http://127.0.0.1:3000', () => undefined);
    const refused = await lockDataDir(dataDir, 'callflow admin reset-password', () => undefined).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).owner).toEqual({
      pid: process.pid,
      what: 'Callflow Studio at http://127.0.0.1:3000',
    });
    expect((refused as Error).message).toBe(
      `Callflow Studio at http://127.0.0.1:3000 is already running (pid ${process.pid}) with the data directory ${dataDir}. Stop it first (Ctrl+C in its terminal, or kill ${process.pid}), or set CALLFLOW_DATA_DIR to another directory.`,
    );
    await first.release();
    expect(existsSync(path.join(dataDir, 'studio.lock'))).toBe(false);
    const next = await lockDataDir(dataDir, 'callflow admin reset-password', () => undefined);
    await next.release();
  });

  it('a lock left by a process that was killed is taken over at once', async () => {
    // A pid that existed a moment ago and has exited: what `kill -9` of the studio leaves behind.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    mkdirSync(path.join(dataDir, 'studio.lock'));
    writeFileSync(
      path.join(dataDir, 'studio.owner.json'),
      JSON.stringify({ pid: deadPid, what: 'Callflow Studio at http://127.0.0.1:3000' }),
    );
    const lock = await lockDataDir(dataDir, 'Callflow Studio at http://127.0.0.1:3001', () => undefined);
    await lock.release();
  });
});
