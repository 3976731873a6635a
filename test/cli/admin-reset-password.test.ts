// `callflow admin reset-password EMAIL` against a real embedded data directory: prints a new password that signs in,
// refuses while another process holds the data directory, and names an unknown email.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { verifyPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithPassword } from '../../app/_server/auth/create-user';
import { createDatabase, databaseOptionsFor } from '../../schemas/database';
import { lockDataDir } from '../../schemas/data-dir-lock';
import { accounts, auditLog, users } from '../../schemas/db';

const launcher = fileURLToPath(new URL('../../bin/callflow.js', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

function runAdmin(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // The project root, where the migrations live, as `npm start` runs; DATABASE_URL cleared so the embedded database is
    // used, and vitest's NODE_ENV and Vite's BASE_URL=/ left out as a user's shell has them.
    const { NODE_ENV: _nodeEnv, BASE_URL: _baseUrl, ...inherited } = process.env;
    const env = { ...inherited, CALLFLOW_DATA_DIR: dataDir, DATABASE_URL: '' } as unknown as NodeJS.ProcessEnv;
    execFile(
      process.execPath,
      [launcher, 'admin', ...args],
      { cwd: projectRoot, env, timeout: 120_000 },
      (error, stdout, stderr) => {
        // Node's ExecFileException type loses `extends Error` through an Omit; the value is an Error.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the cast is what tells prefer-promise-reject-errors it is an Error
        if (error && typeof error.code !== 'number') return reject(error as Error);
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

describe('callflow admin reset-password', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'callflow-admin-'));
    const handle = await createDatabase(databaseOptionsFor({ databaseUrl: undefined, dataDir }));
    await createUserWithPassword(handle.db, {
      name: 'Only Admin',
      email: 'only@example.com',
      password: 'forgotten password',
      role: 'admin',
    });
    await handle.close();
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a new password once; it is the one stored, and the reset is audited', { timeout: 180_000 }, async () => {
    const run = await runAdmin(['reset-password', 'Only@Example.com'], dataDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const password = /new password: (\S+)/.exec(run.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(run.stdout).toContain(
      'The password of only@example.com was reset; every session of this user was signed out.',
    );
    const handle = await createDatabase(databaseOptionsFor({ databaseUrl: undefined, dataDir }));
    try {
      const [row] = await handle.db
        .select({ hash: accounts.password })
        .from(accounts)
        .innerJoin(users, eq(users.id, accounts.userId))
        .where(eq(users.email, 'only@example.com'));
      expect(await verifyPassword({ hash: row?.hash ?? '', password })).toBe(true);
      const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'user.resetPassword'));
      expect(entry).toMatchObject({ actorId: null, after: { via: 'callflow admin reset-password' } });
    } finally {
      await handle.close();
    }
  });

  it('an unknown email exits 1 naming it; a wrong command line exits 2', { timeout: 180_000 }, async () => {
    const unknown = await runAdmin(['reset-password', 'nobody@example.com'], dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('callflow: no user has the email nobody@example.com\n');
    const usage = await runAdmin(['reset'], dataDir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('the only action is reset-password');
  });

  it('while the studio holds the data directory, it refuses and says who holds it', { timeout: 180_000 }, async () => {
    const lock = await lockDataDir(dataDir, 'Callflow Studio at http://127.0.0.1:3999', () => undefined);
    try {
      const run = await runAdmin(['reset-password', 'only@example.com'], dataDir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Callflow Studio at http://127.0.0.1:3999 is already running (pid ${process.pid})`);
      expect(run.stdout).toBe('');
    } finally {
      await lock.release();
    }
  });
});
