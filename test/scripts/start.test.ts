// The real `npm start` launcher, spawned as users run it: phases printed in order, a second start on the same data
// directory or port refused before it touches anything, forged client addresses ignored, security headers on every
// response, and a restart after SIGTERM that loses no acknowledged write. The first start may build the studio.

import { spawn, type ChildProcess } from 'node:child_process';
import { dial } from '../../runtime/esl-simulator';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../app/helpers/tcp-proxy';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const adminEmail = 'admin@example.com';
const adminPassword = 'a long admin password';
// Generous: the first start may run `next build` on a busy 2-core machine.
const firstStartMs = 15 * 60_000;

interface Started {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number>;
}

/** Spawns `scripts/start.ts` the way `npm start` does (node with tsx), with its own data directory and port. */
function startStudio(dataDir: string, port: number): Started {
  // As in a user's shell: vitest sets NODE_ENV=test and Vite's BASE_URL=/ (which would be the studio's public URL).
  const { NODE_ENV: _nodeEnv, BASE_URL: _baseUrl, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), CALLFLOW_DATA_DIR: dataDir, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, DATABASE_URL: '', CALLFLOW_RUNTIME_LISTEN: '127.0.0.1:0', CALLFLOW_RUNTIME_HTTP: '127.0.0.1:0' } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 0))));
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (!match) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match[0]);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`Timed out waiting for ${pattern}; output so far:\n${text}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`The studio exited before printing ${pattern}; output:\n${text}`));
          }
        });
        check();
      });
    },
  };
}

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
    if (method === 'GET') return fetch(`${base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
    return fetch(`${base}/api/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, cookie }, body: JSON.stringify(input) });
  }

  it('the first start prints one line per phase, in order, then the URL', () => {
    const output = first!.output();
    const phases = [/Data directory .* locked by this process \(pid \d+\)/, /Listening on 127\.0\.0\.1:\d+/, /(Building the studio|The studio build is up to date)/, /Database: embedded PGlite in .*pglite \(migrated\)/, /First start: an administrator was created/, /Starting Next/, /Callflow Studio: http/];
    const positions = phases.map((pattern) => output.search(pattern));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('hosts the FreeSWITCH runtime on the embedded database: a call to a number no line serves is announced and hung up', async () => {
    const [, host, runtimePort] = /FreeSWITCH runtime: outbound socket ([\d.]+):(\d+)/.exec(first!.output()) ?? [];
    expect(runtimePort).toBeDefined();
    const trace = await dial({ host, port: Number(runtimePort) }, { destination: '4000000000' });
    expect(trace.hangupCause).toBe('UNALLOCATED_NUMBER');
  });

  it('signs in over HTTP; every response carries the security headers and no X-Powered-By', async () => {
    const response = await signIn(adminPassword);
    expect(response.status).toBe(200);
    cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    for (const page of [await fetch(`${base}/`), await fetch(`${base}/no-such-page`), response, await trpc('flows.list', {}, 'GET')]) {
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
    const target = { name: 'Forged Target', email: 'target@example.com', password: 'a long target password', role: 'viewer' };
    expect((await trpc('users.create', target)).status).toBe(200);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await signIn('wrong guess', { 'x-forwarded-for': `198.51.100.${attempt + 1}` }, target.email)).status);
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
    const flow = ((await flowResponse.json()) as { result: { data: { draft: Record<string, unknown>; revision: number } } }).result.data;
    const saved = await trpc('flows.saveDraft', { flowId: created[0], baseRevision: flow.revision, document: { ...flow.draft, name: 'Kept flow 1, renamed' } });
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
    cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    const list = (await (await trpc('flows.list', { search: 'Kept flow' }, 'GET')).json()) as { result: { data: { items: { id: string; name: string }[] } } };
    expect(list.result.data.items.map((item) => item.name).sort()).toEqual(['Kept flow 1, renamed', 'Kept flow 2', 'Kept flow 3', 'Kept flow 4', 'Kept flow 5']);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
  });
});
