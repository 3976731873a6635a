// Over HTTP: sign-in through better-auth's handler, then the tRPC handler with the session cookie. Requests carry the
// client-address header as the studio's server stamps it (test/app/http/client-address.test.ts covers the stamping).

import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../../../app/_server/auth/auth';
import { createUserWithPassword } from '../../../app/_server/auth/create-user';
import { signInThrottleLimits } from '../../../app/_server/auth/sign-in-throttle';
import { clientAddressHeader } from '../../../app/_server/http/client-address';
import { createTrpcHandler } from '../../../app/_server/http/trpc-handler';
import { accounts, users } from '../../../schemas/db';
import { testSecretKey } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const origin = 'http://studio.test';
const password = 'a long test password';

describe.each(testBackends.map((backend, index) => ({ backend, name: backend.name, index })))(
  'HTTP API on $name',
  ({ backend, index }) => {
    let database: TestDatabase;
    let auth: Auth;
    let trpc: (request: Request) => Promise<Response>;
    // better-auth's own rate limiter (other auth routes) keeps its counts in the process; each backend gets its own addresses.
    const address = (n: number) => `203.0.113.${index * 50 + n}`;
    const { account: accountLimit, address: addressLimit } = signInThrottleLimits;

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
        name: 'Dana Designer',
        email: 'dana@example.com',
        password,
        role: 'designer',
      });
      await createUserWithPassword(database.db, {
        name: 'Vic Viewer',
        email: 'vic@example.com',
        password,
        role: 'viewer',
      });
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
      return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }

    function trpcPost(procedure: string, input: unknown, headers: Record<string, string>) {
      return trpc(
        new Request(`${origin}/api/trpc/${procedure}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(input),
        }),
      );
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

    /** Users that share one password hash (hashed once: scrypt is slow on purpose). */
    async function seedUsersWithPassword(prefix: string, count: number): Promise<string[]> {
      const hash = await hashPassword(password);
      const emails: string[] = [];
      for (let n = 1; n <= count; n++) {
        const id = randomUUID();
        const email = `${prefix}-${n}@example.com`;
        await database.db
          .insert(users)
          .values({ id, name: `${prefix} agent ${n}`, email, role: 'viewer', emailVerified: true });
        await database.db
          .insert(accounts)
          .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash });
        emails.push(email);
      }
      return emails;
    }

    it(
      `more people than the per-address failure limit (${addressLimit.max}) all sign in from one office address, typos included`,
      { timeout: 180_000 },
      async () => {
        const emails = await seedUsersWithPassword('office', addressLimit.max + 10);
        const office = address(12);
        // A few agents mistype first: failures count, successes never do.
        const typos = await Promise.all(emails.slice(0, 3).map((email) => signIn(email, 'mistyped password', office)));
        expect(typos.map((response) => response.status)).toEqual([401, 401, 401]);
        const statuses: number[] = [];
        for (let start = 0; start < emails.length; start += 10) {
          const batch = await Promise.all(
            emails.slice(start, start + 10).map((email) => signIn(email, password, office)),
          );
          statuses.push(...batch.map((response) => response.status));
        }
        expect(statuses).toEqual(Array(emails.length).fill(200));
      },
    );

    it(`the ${accountLimit.max + 1}th wrong password for one account is refused with 429 whatever address it comes from, and then so is the right one`, async () => {
      await createUserWithPassword(database.db, {
        name: 'Pat Target',
        email: 'pat@example.com',
        password,
        role: 'viewer',
      });
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= accountLimit.max; attempt++)
        statuses.push((await signIn('pat@example.com', `guess ${attempt}`, address(20 + attempt))).status);
      expect(statuses).toEqual(Array(accountLimit.max).fill(401));
      const refused = await signIn('PAT@example.com ', 'one more guess', address(30));
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(accountLimit.windowSeconds - 120);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(accountLimit.windowSeconds);
      expect(await refused.json()).toMatchObject({
        message: 'Too many failed sign-ins for this account. Try again in 15 minutes.',
        code: 'SIGN_IN_THROTTLED_ACCOUNT',
      });
      // While the account is throttled even its password is refused, from yet another address.
      const withPassword = await signIn('pat@example.com', password, address(31));
      expect(withPassword.status).toBe(429);
      expect(withPassword.headers.get('set-cookie')).toBeNull();
      // Other accounts, from the same addresses, are not affected.
      expect((await signIn('dana@example.com', password, address(21))).status).toBe(200);
    });

    it("a successful sign-in clears the account's earlier failures", async () => {
      await createUserWithPassword(database.db, {
        name: 'Tess Typist',
        email: 'tess@example.com',
        password,
        role: 'viewer',
      });
      const before: number[] = [];
      for (let attempt = 1; attempt < accountLimit.max; attempt++)
        before.push((await signIn('tess@example.com', 'typo', address(32))).status);
      expect(before).toEqual(Array(accountLimit.max - 1).fill(401));
      expect((await signIn('tess@example.com', password, address(32))).status).toBe(200);
      const after: number[] = [];
      for (let attempt = 0; attempt <= accountLimit.max; attempt++)
        after.push((await signIn('tess@example.com', 'typo', address(32))).status);
      expect(after).toEqual([...Array(accountLimit.max).fill(401), 429]);
    });

    it(
      'wrong passwords sent at the same instant cannot all slip under the account limit',
      { timeout: 120_000 },
      async () => {
        await createUserWithPassword(database.db, {
          name: 'Cory Concurrent',
          email: 'cory@example.com',
          password,
          role: 'viewer',
        });
        const attempts = accountLimit.max * 2;
        const responses = await Promise.all(
          Array.from({ length: attempts }, (_, n) => signIn('cory@example.com', `parallel guess ${n}`, address(33))),
        );
        const statuses = responses.map((response) => response.status).sort();
        expect(statuses).toEqual([
          ...Array(accountLimit.max).fill(401),
          ...Array(attempts - accountLimit.max).fill(429),
        ]);
      },
    );

    it(
      `after ${addressLimit.max} failed sign-ins from one address, for any accounts, that address is refused with 429`,
      { timeout: 180_000 },
      async () => {
        const attacker = address(34);
        const statuses: number[] = [];
        for (let start = 0; start < addressLimit.max; start += 10) {
          const batch = await Promise.all(
            Array.from({ length: 10 }, (_, n) =>
              signIn(`nobody-${start + n}@example.com`, 'sprayed password', attacker),
            ),
          );
          statuses.push(...batch.map((response) => response.status));
        }
        expect(statuses).toEqual(Array(addressLimit.max).fill(401));
        const refused = await signIn('dana@example.com', password, attacker);
        expect(refused.status).toBe(429);
        expect(await refused.json()).toMatchObject({
          message: 'Too many failed sign-ins from your network. Try again in 15 minutes.',
          code: 'SIGN_IN_THROTTLED_ADDRESS',
        });
        // The refused attempt was not counted against Dana's account: she signs in from elsewhere.
        expect((await signIn('dana@example.com', password, address(35))).status).toBe(200);
      },
    );

    it('sign-in posted from another site is refused by the origin check', async () => {
      const response = await signIn('dana@example.com', password, address(5), {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'cors',
      });
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

    it('update-user is switched off: nobody renames themselves (or gives themselves a role) through the auth API', async () => {
      const cookie = await sessionCookie('vic@example.com', address(7));
      const post = (path: string, body: unknown) =>
        auth.handler(
          new Request(`${origin}/api/auth${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin, cookie, [clientAddressHeader]: address(7) },
            body: JSON.stringify(body),
          }),
        );
      for (const body of [{ name: 'Administrator' }, { name: 'x'.repeat(3 * 1024 * 1024) }, { role: 'admin' }])
        expect((await post('/update-user', body)).status).toBe(404);
      // Spellings of the path that could slip past the switch are not routes either.
      for (const path of ['/update-user/', '/update-user?name=x', '//update-user', '/Update-User', '/update-user%2F']) {
        expect((await post(path, { name: 'Administrator' })).status).not.toBe(200);
      }
      const [row] = await database.db
        .select({ name: users.name, role: users.role })
        .from(users)
        .where(eq(users.email, 'vic@example.com'));
      expect(row).toEqual({ name: 'Vic Viewer', role: 'viewer' });
    });

    it('the session token stays in the HttpOnly cookie: get-session and sign-in bodies leave it out', async () => {
      const signedIn = await signIn('dana@example.com', password, address(36));
      const signInBody = (await signedIn.json()) as Record<string, unknown>;
      expect(signInBody).not.toHaveProperty('token');
      expect(signInBody.user).toMatchObject({ email: 'dana@example.com' });
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const token = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
      const session = await auth.handler(
        new Request(`${origin}/api/auth/get-session`, {
          headers: { cookie, origin, [clientAddressHeader]: address(36) },
        }),
      );
      expect(session.status).toBe(200);
      const text = await session.text();
      expect(text).not.toContain(token);
      const body = JSON.parse(text) as { session: Record<string, unknown>; user: { email: string } };
      expect(body.session).not.toHaveProperty('token');
      expect(body.session).toHaveProperty('expiresAt');
      expect(body.user.email).toBe('dana@example.com');
      const list = await auth.handler(
        new Request(`${origin}/api/auth/list-sessions`, {
          headers: { cookie, origin, [clientAddressHeader]: address(36) },
        }),
      );
      expect(list.status).toBe(200);
      expect(await list.text()).not.toContain(token);
      // The server still finds the session from the cookie.
      const flows = await trpc(
        new Request(`${origin}/api/trpc/flows.list?input=${encodeURIComponent('{}')}`, { headers: { cookie } }),
      );
      expect(flows.status).toBe(200);
    });

    it('a tRPC query with the session cookie runs as that user; without it, 401', async () => {
      const cookie = await sessionCookie('dana@example.com', address(8));
      const created = await trpcPost(
        'flows.create',
        { name: 'Over HTTP' },
        { cookie, origin, 'sec-fetch-site': 'same-origin' },
      );
      expect(created.status).toBe(200);
      const list = await trpc(
        new Request(`${origin}/api/trpc/flows.list?input=${encodeURIComponent('{}')}`, { headers: { cookie } }),
      );
      const body = (await list.json()) as { result: { data: { items: { name: string; updatedByName: string }[] } } };
      expect(body.result.data.items.map((item) => [item.name, item.updatedByName])).toEqual([
        ['Over HTTP', 'Dana Designer'],
      ]);
      const anonymous = await trpc(new Request(`${origin}/api/trpc/flows.list?input=${encodeURIComponent('{}')}`));
      expect(anonymous.status).toBe(401);
    });

    it('a cross-site tRPC mutation is refused with 403 even with a valid session cookie', async () => {
      const cookie = await sessionCookie('dana@example.com', address(9));
      const bySecFetch = await trpcPost(
        'flows.create',
        { name: 'Forged' },
        { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      );
      expect(bySecFetch.status).toBe(403);
      const body = (await bySecFetch.json()) as { error: { message: string } };
      expect(body.error.message).toBe('This change was refused because the request came from another website.');
      const byOrigin = await trpcPost('flows.create', { name: 'Forged' }, { cookie, origin: 'https://evil.example' });
      expect(byOrigin.status).toBe(403);
      const list = await trpc(
        new Request(`${origin}/api/trpc/flows.list?input=${encodeURIComponent('{"search":"Forged"}')}`, {
          headers: { cookie },
        }),
      );
      expect(((await list.json()) as { result: { data: { items: unknown[] } } }).result.data.items).toEqual([]);
    });

    it('a disabled user cannot sign in', async () => {
      await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'vic@example.com'));
      const response = await signIn('vic@example.com', password, address(11));
      expect(response.status).toBe(403);
      expect(((await response.json()) as { message: string }).message).toBe(
        'This account has been disabled. Ask an administrator to enable it.',
      );
    });
  },
);
