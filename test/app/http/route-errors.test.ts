// The one error path of the routes: what the client got wrong (malformed JSON, a NUL or a lone surrogate in any auth
// field) is refused with 400 before better-auth or the database sees it, and a failure inside a route (auth, audio, a
// page's session read) answers with an error id while the log — grepped for a planted value after each failure —
// holds names, codes and SQL text only, never a parameter, a message or the request body.

import { format } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAudioUploadHandler } from '../../../app/_server/audio/audio-http';
import { createAuth, type Auth } from '../../../app/_server/auth/auth';
import { createUserWithPassword } from '../../../app/_server/auth/create-user';
import { createAuthHandler } from '../../../app/_server/http/auth-handler';
import { clientAddressHeader } from '../../../app/_server/http/client-address';
import { reportRouteErrors } from '../../../app/_server/http/report-route-errors';
import { ReportedInternalError } from '../../../app/_server/internal-error';
import { createHttpContext, type SessionUser } from '../../../app/_server/trpc';
import { users } from '../../../schemas/db';
import { makeWav } from '../audio/make-wav';
import { testSecretKey } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const origin = 'http://studio.test';
const password = 'a long test password';
const unstorable =
  'contains a NUL character or a broken character (half of a UTF-16 pair), which cannot be stored; remove it and try again.';

interface InternalErrorBody {
  error: { code: string; message: string; errorId: string };
}

describe.each(testBackends.map((backend, index) => ({ backend, name: backend.name, index })))(
  'route errors on $name',
  ({ backend, index }) => {
    let database: TestDatabase;
    let auth: (request: Request) => Promise<Response>;
    let instance: Auth;
    let logged: string[] = [];
    const address = `203.0.113.${120 + index}`;

    beforeAll(async () => {
      database = await backend.open();
      instance = createAuth({
        db: database.db,
        secret: 'test-secret-that-is-at-least-32-characters',
        baseUrl: origin,
        trustedOrigins: [origin],
      });
      auth = reportRouteErrors('/api/auth', createAuthHandler(instance));
      await createUserWithPassword(database.db, {
        name: 'Vic Viewer',
        email: 'vic@example.com',
        password,
        role: 'viewer',
      });
    });
    afterAll(() => database?.close());

    // Everything the process prints, as the console would print it (objects inspected, errors with their fields).
    beforeAll(() => {
      for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const)
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(format(...args)));
    });
    afterEach(() => {
      logged = [];
    });
    afterAll(() => vi.restoreAllMocks());

    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      auth(
        new Request(`${origin}/api/auth/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, [clientAddressHeader]: address, ...headers },
          body,
        }),
      );

    async function sessionCookie(): Promise<string> {
      const response = await post('sign-in/email', JSON.stringify({ email: 'vic@example.com', password }));
      expect(response.status).toBe(200);
      return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }

    it('a malformed JSON body to sign-in is refused with 400 saying where it stops parsing', async () => {
      const response = await post('sign-in/email', '{"email": "vic@example.com", "password": ');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        code: 'INVALID_JSON',
        message:
          'The request body is not valid JSON: expected a value but found the end of the file at line 1, column 42.',
      });
    });

    it('a NUL in update-user is refused with 400 naming the field; the name is unchanged and the log never holds it', async () => {
      const cookie = await sessionCookie();
      logged = [];
      const planted = 'Planted\u0000Name-7f3a';
      const response = await post('update-user', JSON.stringify({ name: planted }), { cookie });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: 'INVALID_TEXT', message: `The text at name ${unstorable}` });
      const [row] = await database.db
        .select({ name: users.name })
        .from(users)
        .where(eq(users.email, 'vic@example.com'));
      expect(row?.name).toBe('Vic Viewer');
      expect(logged.join('\n')).not.toContain('Name-7f3a');
    });

    it('a lone surrogate in a sign-in field or a NUL in a query parameter is refused with 400', async () => {
      const surrogate = await post('sign-in/email', '{"email":"vic\\ud800@example.com","password":"x"}');
      expect(surrogate.status).toBe(400);
      expect(((await surrogate.json()) as { message: string }).message).toBe(`The text at email ${unstorable}`);
      const query = await auth(
        new Request(`${origin}/api/auth/get-session?disableCookieCache=a%00b`, {
          headers: { [clientAddressHeader]: address },
        }),
      );
      expect(query.status).toBe(400);
      expect(((await query.json()) as { message: string }).message).toBe(
        `The text at disableCookieCache ${unstorable}`,
      );
    });

    it('a failed query inside better-auth answers 500 with an error id; the log has the id, the SQL and the code, never the e-mail sent', async () => {
      const planted = `planted-${index}-e61c@example.com`;
      await database.db.execute(sql`alter table users rename to users_moved`);
      try {
        const response = await post('sign-in/email', JSON.stringify({ email: planted, password }));
        expect(response.status).toBe(500);
        const { error } = (await response.json()) as InternalErrorBody;
        expect(error.errorId).toMatch(/^[0-9a-f]{12}$/);
        expect(error.message).toContain(`error id ${error.errorId}`);
        const log = logged.join('\n');
        expect(log).not.toContain(planted);
        const line = logged.find((entry) => entry.includes(error.errorId));
        expect(line).toMatch(
          /^\[api\] error [0-9a-f]{12} in \/api\/auth: DrizzleQueryError query: select .*"users".* ← \w+ \(42P01\)/,
        );
      } finally {
        await database.db.execute(sql`alter table users_moved rename to users`);
      }
    });

    it('a page whose session read fails gets an error id; the log never holds the session token', async () => {
      const cookie = await sessionCookie();
      const token = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
      expect(token.length).toBeGreaterThan(16);
      logged = [];
      await database.db.execute(sql`alter table sessions rename to sessions_moved`);
      try {
        const reading = createHttpContext({
          db: database.db,
          auth: instance,
          headers: new Headers({ cookie }),
          trustedOrigins: [origin],
          secretKey: testSecretKey,
        });
        const error = await reading.then(
          () => null,
          (failure: unknown) => failure,
        );
        expect(error).toBeInstanceOf(ReportedInternalError);
        const { errorId } = error as ReportedInternalError;
        expect(logged.find((line) => line.includes(errorId))).toMatch(/in reading the session: /);
        expect(logged.join('\n')).not.toContain(token);
      } finally {
        await database.db.execute(sql`alter table sessions_moved rename to sessions`);
      }
    });

    it('an audio upload that fails in the database answers 500; the log holds neither its bytes, its file name nor the uploader', async () => {
      const [uploader] = await database.db
        .select({ id: users.id, name: users.name, email: users.email, role: users.role })
        .from(users)
        .where(eq(users.email, 'vic@example.com'));
      if (!uploader) throw new Error('expected the user vic@example.com');
      const designer: SessionUser = { ...uploader, role: 'designer' };
      const upload = reportRouteErrors(
        'POST /api/audio',
        createAudioUploadHandler({ db: database.db, trustedOrigins: [origin], currentUser: async () => designer }),
      );
      // Any insert into prompt_audio now fails, with the recording among the query's parameters.
      await database.db.execute(
        sql`alter table prompt_audio add constraint planted_failure check (size_bytes < 0) not valid`,
      );
      try {
        const form = new FormData();
        form.set('key', 'welcome');
        form.set('language', 'en-US');
        form.set('file', new File([new Uint8Array(makeWav({ seconds: 2 }))], 'planted-b41d.wav'));
        const response = await upload(
          new Request(`${origin}/api/audio`, {
            method: 'POST',
            body: form,
            headers: { origin, 'sec-fetch-site': 'same-origin' },
          }),
        );
        expect(response.status).toBe(500);
        const { error } = (await response.json()) as InternalErrorBody;
        const log = logged.join('\n');
        expect(log).toContain(
          `[api] error ${error.errorId} in POST /api/audio: DrizzleQueryError query: insert into "prompt_audio"`,
        );
        expect(log).toContain('(23514)');
        expect(log).not.toContain('planted-b41d');
        expect(log).not.toContain(uploader.id);
        expect(log.length).toBeLessThan(4000);
      } finally {
        await database.db.execute(sql`alter table prompt_audio drop constraint planted_failure`);
      }
    });
  },
);
