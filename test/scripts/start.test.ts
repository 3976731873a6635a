// The real `npm start` launcher, spawned as users run it: phases printed in order, a second start on the same data
// directory or port refused before it touches anything, forged client addresses ignored, security headers on every
// response, a restart after SIGTERM that loses no acknowledged write, request bodies bounded on the socket and a log
// without query parameters. The first start may build the studio. One file: two launchers must not build at once.

import { dial } from '../../runtime/esl-simulator';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../schemas/database';
import { makeWav } from '../app/audio/make-wav';
import { sendStreamed } from '../app/helpers/streamed-request';
import { closedPort } from '../app/helpers/tcp-proxy';
import { adminEmail, adminPassword, firstStartMs, startStudio, type Started } from './start-studio';

describe('npm start (scripts/start.ts)', () => {
  let dataDir: string;
  let otherDataDir: string;
  let port: number;
  let base: string;
  let first: Started | undefined;
  let cookie = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'callflow-start-'));
    otherDataDir = mkdtempSync(path.join(os.tmpdir(), 'callflow-start-other-'));
    port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    first = startStudio(dataDir, port);
    await first.waitFor(/Callflow Studio: http:\/\/127\.0\.0\.1:\d+/, firstStartMs);
  }, firstStartMs + 60_000);

  afterAll(async () => {
    if (first && first.child.exitCode === null) {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(otherDataDir, { recursive: true, force: true });
  }, 120_000);

  async function signIn(password: string, headers: Record<string, string> = {}, email = adminEmail): Promise<Response> {
    return fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, ...headers },
      body: JSON.stringify({ email, password }),
    });
  }

  function trpc(procedure: string, input: unknown, method: 'GET' | 'POST' = 'POST'): Promise<Response> {
    if (method === 'GET')
      return fetch(`${base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: { cookie },
      });
    return fetch(`${base}/api/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie },
      body: JSON.stringify(input),
    });
  }

  it('the first start prints one line per phase, in order, then the URL', () => {
    const output = first!.output();
    const phases = [
      /Data directory .* locked by this process \(pid \d+\)/,
      /Listening on 127\.0\.0\.1:\d+/,
      /(Building the studio|The studio build is up to date)/,
      /Database: embedded PGlite in .*pglite \(migrated\)/,
      /First start: an administrator was created/,
      /Starting Next/,
      /Callflow Studio: http/,
    ];
    const positions = phases.map((pattern) => output.search(pattern));
    expect(phases.filter((_, index) => positions[index] === -1)).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('hosts the FreeSWITCH runtime on the embedded database: a call to a number no line serves is announced and hung up', async () => {
    const [, host, runtimePort] = /FreeSWITCH runtime: outbound socket ([\d.]+):(\d+)/.exec(first!.output()) ?? [];
    expect(runtimePort).toBeDefined();
    if (!host || !runtimePort) throw new Error('the start output names no FreeSWITCH runtime socket');
    const trace = await dial({ host, port: Number(runtimePort) }, { destination: '4000000000' });
    expect(trace.hangupCause).toBe('UNALLOCATED_NUMBER');
  });

  it('signs in over HTTP; every response carries the security headers and no X-Powered-By', async () => {
    const response = await signIn(adminPassword);
    expect(response.status).toBe(200);
    cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    for (const page of [
      await fetch(`${base}/`),
      await fetch(`${base}/no-such-page`),
      response,
      await trpc('flows.list', {}, 'GET'),
    ]) {
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toBe('');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('same-origin');
      expect(page.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('a second start on the same data directory is refused with the pid and URL of the first, before it migrates or listens', async () => {
    const second = startStudio(dataDir, await closedPort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Callflow Studio at ${base} is already running (pid ${first!.child.pid})`);
    expect(second.output()).not.toMatch(/Database:|Listening on|administrator was created/);
  });

  it('a start on a busy port is refused before it migrates or prints a login', async () => {
    const third = startStudio(otherDataDir, port);
    expect(await third.exited).toBe(1);
    expect(third.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(third.output()).not.toMatch(/Database:|administrator was created/);
    expect(existsSync(path.join(otherDataDir, 'pglite'))).toBe(false);
  });

  it('forged X-Forwarded-For headers do not escape the failed sign-in limit over the real server', async () => {
    // 5 failures per account in 15 minutes, wherever they come from; successes never count. (The per-address limit over
    // the studio's server: test/app/http/client-address.test.ts.) A user of its own, so the admin can still sign in.
    const target = {
      name: 'Forged Target',
      email: 'target@example.com',
      password: 'a long target password',
      role: 'viewer',
    };
    expect((await trpc('users.create', target)).status).toBe(200);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++)
      statuses.push(
        (await signIn('wrong guess', { 'x-forwarded-for': `198.51.100.${attempt + 1}` }, target.email)).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn(target.password, { 'x-forwarded-for': '198.51.100.200' }, target.email)).status).toBe(429);
    expect((await signIn(adminPassword, { 'x-forwarded-for': '198.51.100.201' })).status).toBe(200);
  });

  it('writes acknowledged before SIGTERM are all there after a restart', { timeout: 10 * 60_000 }, async () => {
    const created: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const response = await trpc('flows.create', { name: `Kept flow ${n}` });
      expect(response.status).toBe(200);
      created.push(((await response.json()) as { result: { data: { id: string } } }).result.data.id);
    }
    const flowResponse = await trpc('flows.get', { flowId: created[0] }, 'GET');
    const flow = (
      (await flowResponse.json()) as { result: { data: { draft: Record<string, unknown>; revision: number } } }
    ).result.data;
    const saved = await trpc('flows.saveDraft', {
      flowId: created[0],
      baseRevision: flow.revision,
      document: { ...flow.draft, name: 'Kept flow 1, renamed' },
    });
    expect(saved.status).toBe(200);

    first!.child.kill('SIGTERM');
    expect(await first!.exited).toBe(0);
    expect(first!.output()).toContain('Database closed cleanly.');
    expect(existsSync(path.join(dataDir, 'studio.lock'))).toBe(false);

    first = startStudio(dataDir, port);
    await first.waitFor(/Callflow Studio: http/, 5 * 60_000);
    expect(first.output()).not.toContain('administrator was created');
    const signedIn = await signIn(adminPassword);
    expect(signedIn.status).toBe(200);
    cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const list = (await (await trpc('flows.list', { search: 'Kept flow' }, 'GET')).json()) as {
      result: { data: { items: { id: string; name: string }[] } };
    };
    expect(list.result.data.items.map((item) => item.name).sort()).toEqual([
      'Kept flow 1, renamed',
      'Kept flow 2',
      'Kept flow 3',
      'Kept flow 4',
      'Kept flow 5',
    ]);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
  });
});

// Issue 13, points 4 and 6, through the launcher as `npm start` runs it: the body limits hold on the real socket, and the
// built server's log — grepped for planted values after each failure — never holds a query parameter or a request body.
describe('npm start: request bodies and the error log', () => {
  const megabyte = 1024 * 1024;
  let dataDir: string;
  let base: string;
  let port: number;
  let studio: Started | undefined;
  let cookie = '';
  let adminId = '';

  async function signIn(): Promise<void> {
    const response = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: adminEmail, password: adminPassword }),
    });
    expect(response.status).toBe(200);
    cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    adminId = ((await response.json()) as { user: { id: string } }).user.id;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'callflow-start-bodies-'));
    port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    studio = startStudio(dataDir, port);
    await studio.waitFor(/Callflow Studio: http/, firstStartMs);
    await signIn();
  }, firstStartMs + 60_000);

  afterAll(async () => {
    if (studio && studio.child.exitCode === null) {
      studio.child.kill('SIGTERM');
      await studio.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('an anonymous 64 MB chunked body to sign-in is refused with 413 after a few KB, and sign-in still works', async () => {
    const answer = await sendStreamed(`${base}/api/auth/sign-in/email`, {
      headers: { 'content-type': 'application/json', origin: base },
      prefix: '{"email":"',
      totalBytes: 64 * megabyte,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request is larger than 16 KB.',
    });
    expect(answer.sentBytes).toBeLessThan(32 * megabyte);
    await signIn();
  });

  it('a declared 300 MB Content-Length is refused before any of the body is sent', async () => {
    const answer = await sendStreamed(`${base}/api/auth/sign-in/email`, {
      headers: { 'content-type': 'application/json', origin: base },
      declaredBytes: 300 * megabyte,
      totalBytes: 0,
    });
    expect(answer.status).toBe(413);
    expect(answer.sentBytes).toBe(0);
  });

  it('a signed-in chunked audio upload with no Content-Length is refused at the documented 10 MB', async () => {
    const boundary = 'callflowboundary';
    const prefix = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.wav"\r\ncontent-type: audio/wav\r\n\r\n`;
    const answer = await sendStreamed(`${base}/api/audio`, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, origin: base, cookie },
      prefix,
      totalBytes: 300 * megabyte,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatchObject({ code: 'tooLarge', params: { max: 10 * megabyte } });
    expect(answer.sentBytes).toBeLessThan(64 * megabyte);
  });

  it('malformed JSON to sign-in answers 400; a NUL in update-user answers 400 and never reaches the log', async () => {
    const malformed = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: '{"email": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toBe(
      'The request body is not valid JSON: expected a value but found the end of the file at line 1, column 11.',
    );
    const nul = await fetch(`${base}/api/auth/update-user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie },
      body: JSON.stringify({ name: 'Planted\u0000name-93be' }),
    });
    expect(nul.status).toBe(400);
    expect(studio!.output()).not.toContain('name-93be');
  });

  it(
    'failed queries in tRPC and in an audio upload answer 500 with an error id; the built server logs SQL and codes, no planted value',
    { timeout: 10 * 60_000 },
    async () => {
      // Break the database while the studio is stopped: the audit log is gone, and no recording can be inserted.
      studio!.child.kill('SIGTERM');
      expect(await studio!.exited).toBe(0);
      const database = await createDatabase({ dataDir: path.join(dataDir, 'pglite') });
      await database.db.execute(sql`alter table audit_log rename to audit_log_moved`);
      await database.db.execute(
        sql`alter table prompt_audio add constraint planted_failure check (size_bytes < 0) not valid`,
      );
      await database.close();
      studio = startStudio(dataDir, port);
      await studio.waitFor(/Callflow Studio: http/, 5 * 60_000);
      await signIn();
      const before = studio.output().length;

      const audit = await fetch(
        `${base}/api/trpc/audit.list?input=${encodeURIComponent(JSON.stringify({ actorId: 'planted-actor-51d7' }))}`,
        { headers: { cookie } },
      );
      expect(audit.status).toBe(500);
      const auditError = ((await audit.json()) as { error: { data: { errorId: string } } }).error.data.errorId;

      const form = new FormData();
      form.set('key', 'welcome');
      form.set('language', 'en-US');
      form.set('file', new File([new Uint8Array(makeWav({ seconds: 2 }))], 'planted-file-0c2e.wav'));
      const upload = await fetch(`${base}/api/audio`, {
        method: 'POST',
        headers: { origin: base, cookie },
        body: form,
      });
      expect(upload.status).toBe(500);
      const uploadError = ((await upload.json()) as { error: { errorId: string } }).error.errorId;

      const log = studio.output().slice(before);
      expect(log).toMatch(
        new RegExp(
          `\\[api\\] error ${auditError} in audit\\.list: DrizzleQueryError query: select .*"audit_log".* ← \\w+ \\(42P01\\)`,
        ),
      );
      expect(log).toMatch(
        new RegExp(
          `\\[api\\] error ${uploadError} in POST /api/audio: DrizzleQueryError query: insert into "prompt_audio".* ← \\w+ \\(23514\\)`,
        ),
      );
      for (const planted of ['planted-actor-51d7', 'planted-file-0c2e', adminId, 'params'])
        expect(log).not.toContain(planted);
      expect(log.length).toBeLessThan(16 * 1024);
    },
  );
});
