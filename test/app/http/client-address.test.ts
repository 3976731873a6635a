// Over real HTTP through the studio's server: the per-address failed sign-in limit and sessions use the socket's address,
// never a forged header, unless TRUST_PROXY names the proxy; and every response carries the security headers.

import http from 'node:http';
import { toNodeHandler } from 'better-auth/node';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from '../../../app/_server/auth/auth';
import { createUserWithPassword } from '../../../app/_server/auth/create-user';
import { signInThrottleLimits } from '../../../app/_server/auth/sign-in-throttle';
import { clientAddressHeader } from '../../../app/_server/http/client-address';
import { trustProxyFrom } from '../../../schemas/trust-proxy';
import { listenStudioServer, listeningPort, type StudioServer } from '../../../app/_server/http/studio-server';
import { sessions, users } from '../../../schemas/db';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const password = 'a long test password';

const addressLimit = signInThrottleLimits.address.max;

/** POSTs from a loopback source address of the test's choosing (all of 127.0.0.0/8 is this machine), one per test. */
function post(
  url: string,
  localAddress: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', localAddress, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe.each(testBackends.map((backend, index) => ({ backend, name: backend.name, index })))(
  'client address and security headers over HTTP on $name',
  ({ backend, index }) => {
    const socketAddress = (n: number) => `127.0.${index + 10}.${n}`;
    let database: TestDatabase;
    let studio: StudioServer | undefined;
    beforeAll(async () => {
      database = await backend.open();
      await createUserWithPassword(database.db, {
        name: 'Dana',
        email: 'dana@example.com',
        password,
        role: 'designer',
      });
    });
    afterEach(async () => {
      await studio?.close();
      studio = undefined;
    });
    afterAll(() => database?.close());

    /** A studio server on a free port whose handler is better-auth. */
    async function startServer(trustProxy?: string): Promise<string> {
      const origin = 'http://127.0.0.1';
      studio = await listenStudioServer({ host: '127.0.0.1', port: 0, trustProxy: trustProxyFrom(trustProxy) });
      const base = `${origin}:${listeningPort(studio)}`;
      const auth = createAuth({
        db: database.db,
        secret: 'test-secret-that-is-at-least-32-characters',
        baseUrl: base,
        trustedOrigins: [base],
      });
      studio.serve(toNodeHandler(auth));
      return base;
    }

    function signIn(
      base: string,
      from: string,
      pass: string,
      headers: Record<string, string>,
      email = 'dana@example.com',
    ) {
      return post(
        `${base}/api/auth/sign-in/email`,
        from,
        { 'content-type': 'application/json', origin: base, ...headers },
        JSON.stringify({ email, password: pass }),
      );
    }

    /** `addressLimit` failed sign-ins, for as many unknown accounts, each with the headers `headersFor` gives. */
    async function failFromOneAddress(
      base: string,
      from: string,
      headersFor: (attempt: number) => Record<string, string>,
    ): Promise<number[]> {
      const statuses: number[] = [];
      for (let start = 0; start < addressLimit; start += 10) {
        const batch = Array.from({ length: 10 }, (_, n) => start + n);
        statuses.push(
          ...(await Promise.all(
            batch.map(
              async (attempt) =>
                (await signIn(base, from, 'wrong guess', headersFor(attempt), `nobody-${attempt}@example.com`)).status,
            ),
          )),
        );
      }
      return statuses;
    }

    it(
      'a different X-Forwarded-For (and a forged client-address header) on every attempt does not escape the per-address limit',
      { timeout: 180_000 },
      async () => {
        const base = await startServer();
        const forged = (attempt: number) => `198.51.${100 + Math.floor(attempt / 250)}.${(attempt % 250) + 1}`;
        const statuses = await failFromOneAddress(base, socketAddress(1), (attempt) => ({
          'x-forwarded-for': forged(attempt),
          [clientAddressHeader]: forged(attempt),
        }));
        expect(statuses).toEqual(Array(addressLimit).fill(401));
        const blocked = await signIn(base, socketAddress(1), password, {
          'x-forwarded-for': '198.51.100.251',
          [clientAddressHeader]: '198.51.100.251',
        });
        expect(blocked.status).toBe(429);
      },
    );

    it('a session records the socket address, not the forged X-Forwarded-For', async () => {
      const base = await startServer();
      const response = await signIn(base, socketAddress(2), password, {
        'x-forwarded-for': '203.0.113.77',
        [clientAddressHeader]: '203.0.113.78',
      });
      expect(response.status).toBe(200);
      const rows = await database.db
        .select({ ip: sessions.ipAddress })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(users.email, 'dana@example.com'));
      expect(rows.map((row) => row.ip)).toContain(socketAddress(2));
      expect(rows.map((row) => row.ip)).not.toContain('203.0.113.77');
      expect(rows.map((row) => row.ip)).not.toContain('203.0.113.78');
    });

    it(
      'behind a proxy named in TRUST_PROXY, the forwarded client address is the one limited and recorded',
      { timeout: 180_000 },
      async () => {
        const base = await startServer('loopback');
        const limited = `192.0.2.${index * 100 + 1}`;
        expect(await failFromOneAddress(base, socketAddress(3), () => ({ 'x-forwarded-for': limited }))).toEqual(
          Array(addressLimit).fill(401),
        );
        expect((await signIn(base, socketAddress(3), password, { 'x-forwarded-for': limited })).status).toBe(429);
        // Another client behind the same proxy has its own allowance.
        const signedIn = await signIn(base, socketAddress(3), password, {
          'x-forwarded-for': `192.0.2.${index * 100 + 50}`,
        });
        expect(signedIn.status).toBe(200);
        const rows = await database.db.select({ ip: sessions.ipAddress }).from(sessions);
        expect(rows.map((row) => row.ip)).toContain(`192.0.2.${index * 100 + 50}`);
      },
    );

    it('every response carries the security headers: pages, API answers, errors and the "starting" reply', async () => {
      studio = await listenStudioServer({ host: '127.0.0.1', port: 0, trustProxy: trustProxyFrom(undefined) });
      const base = `http://127.0.0.1:${listeningPort(studio)}`;
      const starting = await fetch(`${base}/`);
      expect(starting.status).toBe(503);
      studio.serve((_request, response) => {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not here');
      });
      for (const path of ['/', '/flows/abc?x=1', '/api/trpc/flows.list', '/_next/static/missing.js']) {
        const response = await fetch(`${base}${path}`);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain(path.startsWith('/api/') ? "default-src 'none'" : "default-src 'self'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('same-origin');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
      for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy'])
        expect(starting.headers.get(header)).not.toBeNull();
    });
  },
);
