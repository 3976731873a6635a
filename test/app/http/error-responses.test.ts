// Over HTTP: bad input is refused with 400 and a sentence per field before it reaches the database; an internal error
// shows a generic sentence with an error id, and the server log has the details without query parameters.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuth } from '../../../app/_server/auth/auth';
import { createUserWithPassword } from '../../../app/_server/auth/create-user';
import { clientAddressHeader } from '../../../app/_server/http/client-address';
import { createTrpcHandler } from '../../../app/_server/http/trpc-handler';
import { testSecretKey } from '../helpers/callers';
import { helpdeskFlow, insertFlow } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const origin = 'http://studio.test';
const password = 'a long test password';

interface ErrorBody {
  error: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      errorId: string | null;
      zodError: unknown;
      userMessage: { code: string; values: Record<string, unknown> } | null;
    };
  };
}

describe.each(testBackends.map((backend, index) => ({ backend, name: backend.name, index })))(
  'error responses over HTTP on $name',
  ({ backend, index }) => {
    let database: TestDatabase;
    let trpc: (request: Request) => Promise<Response>;
    let cookie: string;
    let flowId: string;

    beforeAll(async () => {
      database = await backend.open();
      const auth = createAuth({
        db: database.db,
        secret: 'test-secret-that-is-at-least-32-characters',
        baseUrl: origin,
        trustedOrigins: [origin],
      });
      trpc = createTrpcHandler({ db: database.db, auth, trustedOrigins: [origin], secretKey: testSecretKey });
      await createUserWithPassword(database.db, {
        name: 'Ada Admin',
        email: 'ada@example.com',
        password,
        role: 'admin',
      });
      const signedIn = await auth.handler(
        new Request(`${origin}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, [clientAddressHeader]: `203.0.113.${200 + index}` },
          body: JSON.stringify({ email: 'ada@example.com', password }),
        }),
      );
      cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      flowId = await insertFlow(database.db, helpdeskFlow('errors'));
    });
    afterAll(() => database?.close());

    /** `input` as a value, or as JSON text already (for inputs JSON.stringify itself cannot write). */
    const mutate = (procedure: string, input: unknown) =>
      trpc(
        new Request(`${origin}/api/trpc/${procedure}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, cookie },
          body: typeof input === 'string' ? input : JSON.stringify(input),
        }),
      );
    const query = (procedure: string, input: unknown) =>
      trpc(
        new Request(`${origin}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { cookie },
        }),
      );

    async function refusal(response: Response): Promise<ErrorBody['error']> {
      const text = await response.text();
      expect(text).not.toMatch(/Failed query|params:|select |insert |update /i);
      expect(response.status).toBe(400);
      return (JSON.parse(text) as ErrorBody).error;
    }

    it('text with a NUL character is refused with 400 naming the field, and nothing reaches the database', async () => {
      const error = await refusal(await mutate('flows.create', { name: 'Sales\u0000hotline' }));
      expect(error.message).toBe(
        'The text at name contains a NUL character or a broken character (half of a UTF-16 pair), which cannot be stored; remove it and try again.',
      );
    });

    it('a lone surrogate in a search or in a draft is refused with 400', async () => {
      const search = await refusal(await query('flows.list', { search: 'ab\uD800c' }));
      expect(search.message).toContain('The text at search contains');
      const draft = helpdeskFlow('errors', { welcome: 'Hi \uDE00' });
      const save = await refusal(await mutate('flows.saveDraft', { flowId, baseRevision: 1, document: draft }));
      expect(save.message).toContain('The text at document.nodes[1].config.prompt.tts.en-US contains');
    });

    it('an imported file whose JSON holds an escaped NUL or nests too deep is refused with 400, naming the place in the file', async () => {
      const withNul = JSON.stringify(helpdeskFlow('imported-nul', { welcome: 'Hello' })).replace(
        'Hello',
        'Hel\\u0000lo',
      );
      const nul = await refusal(await mutate('flows.import', { json: withNul }));
      expect(nul.message).toBe(
        'The text at nodes[1].config.prompt.tts.en-US contains a NUL character or a broken character (half of a UTF-16 pair), which cannot be stored; remove it and try again.',
      );
      const deep = JSON.stringify(helpdeskFlow('imported-deep')).replace(
        '"config":{}',
        `"config":${'{"a":'.repeat(150)}1${'}'.repeat(150)}`,
      );
      const nested = await refusal(await mutate('flows.import', { json: deep }));
      expect(nested.message).toBe(
        'The file is nested too deeply: the data is nested more than 100 levels deep at line 1, column 693.',
      );
    });

    it('a version number beyond PostgreSQL integers is refused with a sentence', async () => {
      const error = await refusal(await query('versions.get', { flowId, version: 2 ** 31 }));
      expect(error.message).toBe('version: The version number can be at most 2,147,483,647.');
      const revision = await refusal(
        await mutate('flows.saveDraft', { flowId, baseRevision: 2 ** 40, document: helpdeskFlow('errors') }),
      );
      expect(revision.message).toBe('baseRevision: The revision can be at most 2,147,483,647.');
    });

    it('a tampered page cursor is refused with 400, including one that decodes to a year-0 time or a malformed id', async () => {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const cursor of [
        'garbage',
        encode(['0000-01-01 00:00:00+00', '00000000-0000-4000-8000-000000000000']),
        encode(["2026-01-01'; drop table flows", 'x']),
        encode(['2026-01-01 00:00:00+00', '-'.repeat(36)]),
      ]) {
        const error = await refusal(await query('flows.list', { cursor }));
        expect(error.message).toBe('The page cursor is not valid; load the list again from the first page.');
      }
    });

    it('a year-0 date in an audit filter is refused with a sentence', async () => {
      const error = await refusal(await query('audit.list', { from: '0000-01-01T00:00:00Z' }));
      expect(error.message).toBe('from: The start of the time range must be between the years 1 and 9999.');
    });

    it('a draft whose node config is nested 20,000 levels deep is refused with 400 and the draft is unchanged', async () => {
      const document = helpdeskFlow('errors');
      document.nodes[1]!.config = { nested: 'DEEP' };
      // Written as text: JSON.stringify itself runs out of stack on a value this deep.
      const deep = `${'{"nested":'.repeat(20_000)}true${'}'.repeat(20_000)}`;
      const body = JSON.stringify({ flowId, baseRevision: 1, document }).replace('"DEEP"', deep);
      const error = await refusal(await mutate('flows.saveDraft', body));
      expect(error.message).toBe(
        'The input is nested more than 100 levels deep (under document.nodes[1].config.nested); nothing was saved.',
      );
      const flow = (await (await query('flows.get', { flowId })).json()) as { result: { data: { revision: number } } };
      expect(flow.result.data.revision).toBe(1);
    });

    it('validation errors read as one sentence per field, not a JSON dump of zod issues', async () => {
      const error = await refusal(await mutate('flows.create', { name: '   ' }));
      expect(error.message).toBe('name: The name cannot be empty.');
      const several = await refusal(
        await mutate('users.create', { name: '', email: 'not-an-email', password: 'short', role: 'boss' }),
      );
      expect(several.message).toBe(
        'name cannot be empty. email must be an email address. password: The password must have at least 12 characters. role must be one of "viewer", "tester", "designer", "admin".',
      );
      expect(several.message).not.toContain('[');
      expect(several.data.zodError).toMatchObject({
        fieldErrors: { email: expect.any(Array), role: expect.any(Array) },
      });
      const missing = await refusal(await mutate('flows.rename', { flowId }));
      expect(missing.message).toBe('name is required.');
    });

    it('an internal error answers 500 with a generic sentence and an error id; the log has the id and no query parameters', async () => {
      const logged: string[] = [];
      const spy = vi
        .spyOn(console, 'error')
        .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
      // A broken schema is the kind of failure no input check can prevent.
      await database.db.execute(sql`alter table flow_versions rename to flow_versions_moved`);
      try {
        const response = await query('versions.list', { flowId });
        const text = await response.text();
        expect(response.status).toBe(500);
        expect(text).not.toMatch(/Failed query|params|flow_versions|select /i);
        expect(text).not.toContain(flowId);
        const { error } = JSON.parse(text) as ErrorBody;
        expect(error.data.errorId).toMatch(/^[0-9a-f]{12}$/);
        expect(error.data.userMessage).toEqual({ code: 'internal', values: { errorId: error.data.errorId } });
        expect(error.message).toBe(
          `Something went wrong on the server (error id ${error.data.errorId}); nothing more is shown here. If it happens again, give an administrator this id: the details are in the server log.`,
        );
        const line = logged.find((entry) => entry.includes(error.data.errorId!));
        expect(line).toBeDefined();
        expect(line).toContain('versions.list');
        expect(line).toContain('DrizzleQueryError');
        expect(line).toContain('42P01');
        expect(line).not.toContain(flowId);
        expect(line).not.toContain('params');
      } finally {
        await database.db.execute(sql`alter table flow_versions_moved rename to flow_versions`);
        spy.mockRestore();
      }
    });

    it('a refusal carries its message code and parameters, so the studio can say it in the UI language', async () => {
      const missing = await query('versions.get', { flowId, version: 99 });
      expect(missing.status).toBe(404);
      const { error } = (await missing.json()) as ErrorBody;
      expect(error.message).toBe('Version 99 of this flow does not exist.');
      expect(error.data.userMessage).toEqual({ code: 'versionNotFound', values: { version: 99 } });
      const anonymous = await trpc(new Request(`${origin}/api/trpc/flows.list`));
      expect(((await anonymous.json()) as ErrorBody).error.data.userMessage).toEqual({
        code: 'signInFirst',
        values: {},
      });
    });
  },
);
