// The first administrator: generated on the embedded database, from ADMIN_EMAIL/ADMIN_PASSWORD on a real one.

import { verifyPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin, BootstrapError } from '../../../app/_server/auth/bootstrap-admin';
import { accounts, auditLog, users } from '../../../schemas/db';
import { seedUser } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const embedded = { databaseUrl: undefined, adminEmail: undefined, adminPassword: undefined };
const server = { databaseUrl: 'postgres://db.example/callflow', adminEmail: undefined, adminPassword: undefined };

describe.each(testBackends)('bootstrapAdmin on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());
  // Each case starts from a database without administrators (one database per file: PGlite is slow to start).
  beforeEach(async () => {
    await database.db.delete(users).where(eq(users.role, 'admin'));
  });

  async function passwordHashOf(email: string): Promise<string> {
    const [row] = await database.db
      .select({ hash: accounts.password })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .where(eq(users.email, email));
    return row?.hash ?? '';
  }

  it('on the embedded database it creates admin@callflow.local with a generated password, once', async () => {
    const first = await bootstrapAdmin(database.db, embedded);
    if (!first.created) throw new Error('expected an admin to be created');
    expect(first.email).toBe('admin@callflow.local');
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(
      await verifyPassword({ hash: await passwordHashOf('admin@callflow.local'), password: first.password ?? '' }),
    ).toBe(true);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(
        eq(
          auditLog.entityId,
          (await database.db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@callflow.local')))[0]!
            .id,
        ),
      );
    expect(entry).toMatchObject({
      actorId: null,
      after: { email: 'admin@callflow.local', role: 'admin', reason: 'first start' },
    });
    expect(await bootstrapAdmin(database.db, embedded)).toEqual({ created: false });
    expect(await database.db.select({ id: users.id }).from(users).where(eq(users.role, 'admin'))).toHaveLength(1);
  });

  it('with a real database and no ADMIN_EMAIL/ADMIN_PASSWORD it refuses with a clear error', async () => {
    await expect(bootstrapAdmin(database.db, server)).rejects.toThrow(
      new BootstrapError(
        'No administrator exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD (12+ characters) to create the first one.',
      ),
    );
  });

  it('with a real database it creates the admin from ADMIN_EMAIL/ADMIN_PASSWORD and prints no password', async () => {
    const result = await bootstrapAdmin(database.db, {
      ...server,
      adminEmail: 'ops@example.com',
      adminPassword: 'operator chosen secret',
    });
    expect(result).toEqual({ created: true, email: 'ops@example.com', password: undefined });
    expect(
      await verifyPassword({ hash: await passwordHashOf('ops@example.com'), password: 'operator chosen secret' }),
    ).toBe(true);
  });

  it('does nothing when an admin already exists', async () => {
    await seedUser(database.db, 'admin');
    expect(await bootstrapAdmin(database.db, server)).toEqual({ created: false });
  });
});
