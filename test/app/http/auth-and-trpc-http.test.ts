// Over HTTP: sign-in through better-auth's handler, then the tRPC handler with the session cookie. Requests carry the
// client-address header as the studio's server stamps it (test/app/http/client-address.test.ts covers the stamping).

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, signInRateLimit, type Auth } from '../../../app/_server/auth/auth';
import { createUserWithPassword } from '../../../app/_server/auth/create-user';
import { clientAddressHeader } from '../../../app/_server/http/client-address';
import { createTrpcHandler } from '../../../app/_server/http/trpc-handler';
import { users } from '../../../schemas/db';
import { testSecretKey } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const origin = 'http://studio.test';
const password = 'a long test password';

describe.each(testBackends.map((backend, index) => ({ backend, name: backend.name, index })))('HTTP API on $name', ({ backend, index }) => {
  let database: TestDatabase;
  let auth: Auth;
  let trpc: (request: Request) => Promise<Response>;
  // The rate limiter counts per client address; each backend gets its own addresses.
  const address = (n: number) => `203.0.113.${index * 50 + n}`;

  beforeAll(async () => {
    database = await backend.open();
    auth = createAuth({ db: database.db, secret: 'test-secret-that-is-at-least-32-characters', baseUrl: origin, trustedOrigins: [origin] });
    trpc = createTrpcHandler({ db: database.db, auth, trustedOrigins: [origin], secretKey: testSecretKey });
    await createUserWithPassword(database.db, { name: 'Dana Designer', email: 'dana@example.com', password, role: 'designer' });
    await createUserWithPassword(database.db, { name: 'Vic Viewer', email: 'vic@example.com', password, role: 'viewer' });
  });
  afterAll(() => database?.close());

  function signIn(email: string, pass: string, from: string, headers: Record<string, string> = {}) {
    return auth.handler(
      new Request(`${origin}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, [clientAddressHeader]: from, ...headers },
        body: JSON.stringify({ email, password: pass }),
      }),
    );
  }

  async function sessionCookie(email: string, from: string): Promise<string> {
    const response = await signIn(email, password, from);
    expect(response.status).toBe(200);
    return (response.headers.get('set-cookie') ?? '').split(';')[0];
  }

  function trpcPost(procedure: string, input: unknown, headers: Record<string, string>) {
    return trpc(new Request(`${origin}/api/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) }));
  }

  it('sign-in with the right password sets an HttpOnly, SameSite session cookie', async () => {
    const response = await signIn('dana@example.com', password, address(1));
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^better-auth\.session_token=[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const body = (await response.json()) as { user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: 'dana@example.com', role: 'designer' });
  });

  it('a wrong password is refused with 401 and no cookie', async () => {
    const response = await signIn('dana@example.com', 'not the password', address(2));
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(((await response.json()) as { message: string }).message).toBe('Invalid email or password');
  });

  it(`after ${signInRateLimit.max} attempts in a minute, further sign-ins are refused with 429, even with the right password`, async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < signInRateLimit.max; attempt++) statuses.push((await signIn('vic@example.com', 'wrong guess', address(3))).status);
    expect(statuses).toEqual(Array(signInRateLimit.max).fill(401));
    const blocked = await signIn('vic@example.com', password, address(3));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // Another address is not affected.
    expect((await signIn('vic@example.com', password, address(4))).status).toBe(200);
  });

  it('sign-in posted from another site is refused by the origin check', async () => {
    const response = await signIn('dana@example.com', password, address(5), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(((await response.json()) as { message: string }).message).toBe('Invalid origin');
  });

  it('nobody can sign up through the auth API: accounts come from an admin', async () => {
    const response = await auth.handler(
      new Request(`${origin}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, [clientAddressHeader]: address(6) },
        body: JSON.stringify({ name: 'Mallory', email: 'mallory@example.com', password, role: 'admin' }),
      }),
    );
    expect(response.status).toBe(400);
    expect(await database.db.select().from(users).where(eq(users.email, 'mallory@example.com'))).toEqual([]);
  });

  it('a user cannot give themselves a role through update-user', async () => {
    const cookie = await sessionCookie('vic@example.com', address(7));
    const response = await auth.handler(
      new Request(`${origin}/api/auth/update-user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, cookie, [clientAddressHeader]: address(7) },
        body: JSON.stringify({ role: 'admin' }),
      }),
    );
    expect(response.status).toBe(400);
    const [row] = await database.db.select({ role: users.role }).from(users).where(eq(users.email, 'vic@example.com'));
    expect(row.role).toBe('viewer');
  });

  it('a tRPC query with the session cookie runs as that user; without it, 401', async () => {
    const cookie = await sessionCookie('dana@example.com', address(8));
    const created = await trpcPost('flows.create', { name: 'Over HTTP' }, { cookie, origin, 'sec-fetch-site': 'same-origin' });
    expect(created.status).toBe(200);
    const list = await trpc(new Request(`${origin}/api/trpc/flows.list?input=${encodeURIComponent('{}')}`, { headers: { cookie } }));
    const body = (await list.json()) as { result: { data: { items: { name: string; updatedByName: string }[] } } };
    expect(body.result.data.items.map((item) => [item.name, item.updatedByName])).toEqual([['Over HTTP', 'Dana Designer']]);
    const anonymous = await trpc(new Request(`${origin}/api/trpc/flows.list?input=${encodeURIComponent('{}')}`));
    expect(anonymous.status).toBe(401);
  });

  it('a cross-site tRPC mutation is refused with 403 even with a valid session cookie', async () => {
    const cookie = await sessionCookie('dana@example.com', address(9));
    const bySecFetch = await trpcPost('flows.create', { name: 'Forged' }, { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(bySecFetch.status).toBe(403);
    const body = (await bySecFetch.json()) as { error: { message: string } };
    expect(body.error.message).toBe('This change was refused because the request came from another website.');
    const byOrigin = await trpcPost('flows.create', { name: 'Forged' }, { cookie, origin: 'https://evil.example' });
    expect(byOrigin.status).toBe(403);
    const list = await trpc(new Request(`${origin}/api/trpc/flows.list?input=${encodeURIComponent('{"search":"Forged"}')}`, { headers: { cookie } }));
    expect(((await list.json()) as { result: { data: { items: unknown[] } } }).result.data.items).toEqual([]);
  });

  it('a disabled user cannot sign in', async () => {
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'vic@example.com'));
    const response = await signIn('vic@example.com', password, address(11));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBe('This account has been disabled. Ask an administrator to enable it.');
  });
});
