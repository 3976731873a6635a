// `callflow admin reset-password EMAIL`: a lost password (the only administrator's, too) is replaced on the server
// itself, with the same settings as `npm start`, and the new password is printed once.

import { createDatabase, databaseOptionsFor } from '../../schemas/database';
import { DataDirLockedError, lockDataDir } from '../../schemas/data-dir-lock';
import { EnvError, loadEnv } from '../../schemas/server-env';
import { findUserIdByEmail, generatePassword, resetPassword } from '../../schemas/reset-password';
import { ExitCode, UsageError } from '../errors';
import type { CliIo } from '../io';
import { adminHelp } from './admin-help';

export async function runAdmin(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(adminHelp);
    return ExitCode.ok;
  }
  const [action, email, ...rest] = args;
  if (action !== 'reset-password')
    throw new UsageError(
      `admin: the only action is reset-password, e.g. callflow admin reset-password admin@example.com`,
    );
  if (!email || rest.length > 0) throw new UsageError('admin reset-password: give exactly one EMAIL');

  let env;
  try {
    env = loadEnv(undefined, io.cwd);
  } catch (error) {
    if (error instanceof EnvError) throw new UsageError(error.message);
    throw error;
  }
  let lock;
  if (!env.databaseUrl) {
    try {
      lock = await lockDataDir(env.dataDir, 'callflow admin reset-password', (error) =>
        io.err(`callflow: the lock on ${env.dataDir} was lost: ${error.message}\n`),
      );
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      io.err(
        `callflow: ${error.message} An administrator who can still sign in can reset the password in the studio instead.\n`,
      );
      return ExitCode.failed;
    }
  }
  try {
    const handle = await createDatabase(databaseOptionsFor(env));
    try {
      const userId = await findUserIdByEmail(handle.db, email);
      if (!userId) {
        io.err(`callflow: no user has the email ${email.trim().toLowerCase()}\n`);
        return ExitCode.failed;
      }
      const password = generatePassword();
      const reset = await handle.db.transaction((tx) =>
        resetPassword(tx, { userId, actorId: null, password, via: 'callflow admin reset-password' }),
      );
      const lines = [
        `The password of ${reset.email} was reset; every session of this user was signed out.`,
        `  new password: ${password}`,
        'This password is shown only now; sign in and keep it somewhere safe.',
      ];
      if (reset.disabled)
        lines.push('Note: this account is disabled; an administrator must enable it before it can sign in.');
      io.out(`${lines.join('\n')}\n`);
      return ExitCode.ok;
    } finally {
      await handle.close();
    }
  } finally {
    await lock?.release();
  }
}
