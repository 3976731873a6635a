// Users router: admins list, create, re-role, disable and enable users; everyone else is refused.

import { and, eq } from 'drizzle-orm';
import { verifyPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, sessions, users } from '../../../schemas/db';
import { callerAs, callerFor, seedUser } from '../helpers/callers';
import { expectTrpcError as trpcError } from '../helpers/expect-trpc-error';
import { testBackends, type TestDatabase } from '../helpers/test-database';

describe.each(testBackends)('users router on $name', (backend) => {
  let database: TestDatabase;
  let admin: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await backend.open();
    admin = await callerAs(database.db, 'admin', 'Ada Admin');
  });
  afterAll(() => database?.close());

  it('create stores a lower-cased email, the role and a scrypt hash of the password, and is audited', async () => {
    const created = await admin.caller.users.create({
      name: 'Dana Designer',
      email: 'Dana@Example.com',
      password: 'correct horse battery',
      role: 'designer',
    });
    expect(created).toMatchObject({ name: 'Dana Designer', email: 'dana@example.com', role: 'designer' });
    const [account] = await database.db.select().from(accounts).where(eq(accounts.userId, created.id));
    expect(account!.providerId).toBe('credential');
    expect(account!.password).not.toContain('correct horse');
    expect(await verifyPassword({ hash: account!.password ?? '', password: 'correct horse battery' })).toBe(true);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.create'), eq(auditLog.entityId, created.id)));
    expect(entry!.actorId).toBe(admin.user.id);
    expect(entry!.after).toEqual({ email: 'dana@example.com', name: 'Dana Designer', role: 'designer' });
  });

  it('create refuses an email that is already taken with CONFLICT', async () => {
    await admin.caller.users.create({
      name: 'Tom',
      email: 'tom@example.com',
      password: 'a long enough password',
      role: 'tester',
    });
    const error = await trpcError(
      admin.caller.users.create({
        name: 'Tom 2',
        email: 'TOM@example.com',
        password: 'a long enough password',
        role: 'viewer',
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('A user with the email tom@example.com already exists.');
  });

  it('create follows the display-name rule: a name another user has in any case, or a control character, is refused with a sentence', async () => {
    const taken = await trpcError(
      admin.caller.users.create({
        name: 'ada admin',
        email: 'ada2@example.com',
        password: 'a long enough password',
        role: 'viewer',
      }),
    );
    expect(taken.code).toBe('BAD_REQUEST');
    expect(taken.message).toBe('Another user is already called “ada admin”; choose a different name.');
    const control = await trpcError(
      admin.caller.users.create({
        name: 'Eve\nAdministrator',
        email: 'eve@example.com',
        password: 'a long enough password',
        role: 'viewer',
      }),
    );
    expect(control.code).toBe('BAD_REQUEST');
    expect(control.message).toBe(
      'name: The name cannot contain control characters (such as a line break or a tab) or invisible formatting characters.',
    );
    expect((await admin.caller.users.list()).map((user) => user.email)).not.toContain('ada2@example.com');
  });

  it('create refuses a short password with a field error', async () => {
    const error = await trpcError(
      admin.caller.users.create({ name: 'Short', email: 'short@example.com', password: 'short', role: 'viewer' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('The password must have at least 12 characters.');
  });

  it('list returns every user ordered by email without password data', async () => {
    const list = await admin.caller.users.list();
    const emails = list.map((user) => user.email);
    expect(emails).toEqual([...emails].sort());
    expect(emails).toContain('dana@example.com');
    expect(Object.keys(list[0]!).sort()).toEqual(['createdAt', 'disabledAt', 'email', 'id', 'name', 'role']);
  });

  it('setRole changes the role and records before and after in the audit log', async () => {
    const viewer = await seedUser(database.db, 'viewer');
    const updated = await admin.caller.users.setRole({ userId: viewer.id, role: 'tester' });
    expect(updated.role).toBe('tester');
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.setRole'), eq(auditLog.entityId, viewer.id)));
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      entityType: 'user',
      before: { role: 'viewer' },
      after: { role: 'tester' },
    });
  });

  it('setRole refuses to demote the last active administrator', async () => {
    const error = await trpcError(admin.caller.users.setRole({ userId: admin.user.id, role: 'viewer' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      'You cannot change the role of the last active administrator; make someone else an administrator first.',
    );
    const [row] = await database.db.select({ role: users.role }).from(users).where(eq(users.id, admin.user.id));
    expect(row!.role).toBe('admin');
  });

  it('setRole of an unknown user is NOT_FOUND', async () => {
    const error = await trpcError(admin.caller.users.setRole({ userId: 'nobody', role: 'viewer' }));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('disable marks the user disabled, ends their sessions and is audited; enable reverses it', async () => {
    const tester = await seedUser(database.db, 'tester');
    await database.db.insert(sessions).values({
      id: `s-${tester.id}`,
      token: `t-${tester.id}`,
      userId: tester.id,
      expiresAt: new Date(Date.now() + 60_000),
    });
    const disabled = await admin.caller.users.disable({ userId: tester.id });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, tester.id))).toEqual([]);
    const enabled = await admin.caller.users.enable({ userId: tester.id });
    expect(enabled?.disabledAt).toBeNull();
    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, tester.id));
    expect(actions.map((row) => row.action)).toEqual(['user.disable', 'user.enable']);
  });

  it('resetPassword sets a new password, signs the user out everywhere, and is audited without the password', async () => {
    const user = await admin.caller.users.create({
      name: 'Lost Admin',
      email: 'lost@example.com',
      password: 'the old password 1',
      role: 'admin',
    });
    await database.db
      .insert(sessions)
      .values({ id: `s-${user.id}`, token: `t-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 60_000) });
    const reset = await admin.caller.users.resetPassword({ userId: user.id, password: 'the new password 22' });
    expect(reset).toEqual({ id: user.id, email: 'lost@example.com', disabled: false });
    const [account] = await database.db.select().from(accounts).where(eq(accounts.userId, user.id));
    expect(await verifyPassword({ hash: account!.password ?? '', password: 'the new password 22' })).toBe(true);
    expect(await verifyPassword({ hash: account!.password ?? '', password: 'the old password 1' })).toBe(false);
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.resetPassword'), eq(auditLog.entityId, user.id)));
    expect(entry).toMatchObject({ actorId: admin.user.id, after: { via: 'users.resetPassword' } });
    expect(JSON.stringify(entry)).not.toContain('the new password');
  });

  it('resetPassword refuses a short password and an unknown user; only administrators may call it', async () => {
    const target = await seedUser(database.db, 'viewer');
    expect((await trpcError(admin.caller.users.resetPassword({ userId: target.id, password: 'short' }))).message).toBe(
      'password: The password must have at least 12 characters.',
    );
    expect(
      (await trpcError(admin.caller.users.resetPassword({ userId: 'nobody', password: 'a long enough password' })))
        .code,
    ).toBe('NOT_FOUND');
    // A user created without a password (seeded) gets a credential account.
    await admin.caller.users.resetPassword({ userId: target.id, password: 'a long enough password' });
    expect(
      await database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.userId, target.id)),
    ).toHaveLength(1);
    const { caller } = await callerAs(database.db, 'designer');
    expect(
      (await trpcError(caller.users.resetPassword({ userId: target.id, password: 'a long enough password' }))).code,
    ).toBe('FORBIDDEN');
  });

  it('an admin cannot disable their own account', async () => {
    const error = await trpcError(admin.caller.users.disable({ userId: admin.user.id }));
    expect(error.message).toBe('You cannot disable your own account.');
    const [row] = await database.db
      .select({ disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, admin.user.id));
    expect(row!.disabledAt).toBeNull();
  });

  it.each(['designer', 'tester', 'viewer'] as const)('a %s cannot manage users (FORBIDDEN)', async (role) => {
    const { caller } = await callerAs(database.db, role);
    const target = await seedUser(database.db, 'viewer');
    for (const call of [
      caller.users.list(),
      caller.users.setRole({ userId: target.id, role: 'admin' }),
      caller.users.disable({ userId: target.id }),
    ]) {
      const error = await trpcError(call);
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toMatch(/^This needs the admin role or higher; you are signed in as an? \w+\.$/);
    }
  });

  it('a signed-out caller is UNAUTHORIZED', async () => {
    const error = await trpcError(callerFor(database.db, null).users.list());
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe('Please sign in first.');
  });
});
