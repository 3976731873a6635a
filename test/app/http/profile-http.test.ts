// Over HTTP: a signed-in user (a viewer) renames themselves through profile.update — the only way, since better-auth's
// /update-user is switched off — and the display-name rule, uniqueness and the audit log apply.

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../../../app/_server/auth/auth';
import { createUserWithPassword } from '../../../app/_server/auth/create-user';
import { clientAddressHeader } from '../../../app/_server/http/client-address';
import { createTrpcHandler } from '../../../app/_server/http/trpc-handler';
import { auditLog, users } from '../../../schemas/db';
import { testSecretKey } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const origin = 'http://studio.test';
const password = 'a long test password';

describe.each(testBackends)('profile over HTTP on $name', (backend) => {
  let database: TestDatabase;
  let auth: Auth;
  let trpc: (request: Request) => Promise<Response>;
  let vic: { id: string };
  let cookie: string;

  beforeAll(async () => {
    database = await backend.open();
    auth = createAuth({
      db: database.db,
      secret: 'test-secret-that-is-at-least-32-characters',
      baseUrl: origin,
      trustedOrigins: [origin],
    });
    trpc = createTrpcHandler({ db: database.db, auth, trustedOrigins: [origin], secretKey: testSecretKey });
    await createUserWithPassword(database.db, {
      name: 'Administrator',
      email: 'admin@example.com',
      password,
      role: 'admin',
    });
    vic = await createUserWithPassword(database.db, {
      name: 'Vic Viewer',
      email: 'vic@example.com',
      password,
      role: 'viewer',
    });
    const signedIn = await auth.handler(
      new Request(`${origin}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, [clientAddressHeader]: '203.0.113.1' },
        body: JSON.stringify({ email: 'vic@example.com', password }),
      }),
    );
    expect(signedIn.status).toBe(200);
    cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(() => database?.close());

  async function rename(name: string): Promise<{ status: number; message: string; name: string | undefined }> {
    const response = await trpc(
      new Request(`${origin}/api/trpc/profile.update`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, cookie, 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ name }),
      }),
    );
    const body = (await response.json()) as { result?: { data: { name: string } }; error?: { message: string } };
    return { status: response.status, message: body.error?.message ?? '', name: body.result?.data.name };
  }

  const storedName = async () =>
    (await database.db.select({ name: users.name }).from(users).where(eq(users.id, vic.id)))[0]?.name;

  it('a viewer renames themselves; the name is stored normalised and the change is audited with before and after', async () => {
    const renamed = await rename('  Victoria   Viewer ');
    expect(renamed).toMatchObject({ status: 200, name: 'Victoria Viewer' });
    expect(await storedName()).toBe('Victoria Viewer');
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.rename'), eq(auditLog.entityId, vic.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: vic.id,
      entityType: 'user',
      before: { name: 'Vic Viewer' },
      after: { name: 'Victoria Viewer' },
    });
  });

  it.each([
    ['an empty name', '   ', 'name cannot be empty.'],
    ['101 characters', 'x'.repeat(101), 'name can have at most 100 characters.'],
    ['a 3 MB name', 'x'.repeat(3 * 1024 * 1024), 'name can have at most 100 characters.'],
    [
      'a line break',
      'Vic\nAdministrator',
      'name: The name cannot contain control characters (such as a line break or a tab) or invisible formatting characters.',
    ],
    [
      'a tab',
      'Vic\tViewer',
      'name: The name cannot contain control characters (such as a line break or a tab) or invisible formatting characters.',
    ],
    [
      'a zero-width space',
      'Admin\u200Bistrator',
      'name: The name cannot contain control characters (such as a line break or a tab) or invisible formatting characters.',
    ],
    [
      'a right-to-left override',
      'Vic \u202Ereweiv',
      'name: The name cannot contain control characters (such as a line break or a tab) or invisible formatting characters.',
    ],
    [
      "another user's name in another case",
      'administrator',
      'Another user is already called “administrator”; choose a different name.',
    ],
    [
      "another user's name in full-width letters",
      'Ａｄｍｉｎｉｓｔｒａｔｏｒ',
      'Another user is already called “Administrator”; choose a different name.',
    ],
  ])('%s is refused with 400 and a sentence, and nothing changes', async (_label, name, message) => {
    const before = await storedName();
    const refused = await rename(name);
    expect(refused.status).toBe(400);
    expect(refused.message).toBe(message);
    expect(await storedName()).toBe(before);
  });

  it("exactly 100 characters are accepted, and one's own name in another case is not a duplicate", async () => {
    const hundred = `${'Vic '.repeat(24)}Vvvv`;
    expect([...hundred]).toHaveLength(100);
    expect(await rename(hundred)).toMatchObject({ status: 200, name: hundred });
    expect(await rename('Vic Viewer')).toMatchObject({ status: 200, name: 'Vic Viewer' });
    expect(await rename('VIC VIEWER')).toMatchObject({ status: 200, name: 'VIC VIEWER' });
  });

  it('signed out, profile.update is refused with 401', async () => {
    const response = await trpc(
      new Request(`${origin}/api/trpc/profile.update`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ name: 'Nobody' }),
      }),
    );
    expect(response.status).toBe(401);
  });
});
