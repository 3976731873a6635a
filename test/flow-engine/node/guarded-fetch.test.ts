// The HTTP guard: internal addresses refused (literal, by DNS name, after a redirect) unless allowed; size and time limits;
// a request of an integration goes only below its base URL, and its headers and secret stay there.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HttpRequest } from '../../../flow-engine/driver';
import { isPublicAddress } from '../../../flow-engine/node/address-policy';
import { guardedFetch } from '../../../flow-engine/node/guarded-fetch';

const request = (url: string, allowInternal: boolean, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  node: 'crm',
  method: 'GET',
  url,
  headers: {},
  timeoutSeconds: 5,
  allowInternal,
  ...extra,
});
/** A request of the integration `crm` for `relativeUrl` (its `url` as the flow's compile-time base joined it: never used). */
const crmRequest = (relativeUrl: string, headers: Record<string, string> = {}): HttpRequest =>
  request('https://compile-time-base.example/api/ignored', true, { integration: 'crm', relativeUrl, headers });

describe('address policy', () => {
  test.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['224.0.0.1', false],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['not an address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('guardedFetch against a local server', () => {
  let server: http.Server;
  let base: string;
  const seen: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ ...req.headers, path: req.url });
      if (req.url === '/api/redirect-out') {
        res.writeHead(302, { location: '/elsewhere' }).end();
      } else if (req.url === '/api/redirect-in') {
        res.writeHead(302, { location: '/api/ok' }).end();
      } else if (req.url === '/api/redirect-other-host') {
        res.writeHead(302, { location: base.replace('127.0.0.1', 'localhost') + '/api/ok' }).end();
      } else if (req.url === '/redirect-internal') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      } else if (req.url === '/redirect-same') {
        res.writeHead(302, { location: '/ok' }).end();
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(10_000));
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200).end('late'), 5_000).unref();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  test('a loopback address is refused without allowInternal, by literal and by a DNS name resolving inside', async () => {
    expect(await guardedFetch(request(`${base}/ok`, false), { maxBytes: 1000 })).toEqual({
      kind: 'networkError',
      message: expect.stringContaining('internal address'),
    });
    const byName = await guardedFetch(request(base.replace('127.0.0.1', 'localhost') + '/ok', false), {
      maxBytes: 1000,
    });
    expect(byName).toEqual({ kind: 'networkError', message: expect.stringContaining('localhost resolves to') });
    expect(seen).toHaveLength(0);
  });

  test('with allowInternal the same request goes through and the JSON body is parsed', async () => {
    const result = await guardedFetch(request(`${base}/ok`, true), { maxBytes: 1000 });
    expect(result).toMatchObject({ kind: 'response', status: 200, body: { ok: true } });
  });

  test('a redirect to the metadata address is refused even when the first host is allowed', async () => {
    // The first hop is allowed (internal integration), the metadata hop is link-local: refused as a literal.
    const result = await guardedFetch(request(`${base}/redirect-internal`, false), { maxBytes: 1000 });
    expect(result.kind).toBe('networkError');
    // The metadata service is refused even for an integration that allows internal hosts.
    const allowedFirst = await guardedFetch(request(`${base}/redirect-internal`, true), { maxBytes: 1000 });
    expect(allowedFirst).toEqual({
      kind: 'networkError',
      message: '169.254.169.254 is a cloud metadata address, which flows may never reach.',
    });
  });

  test('a redirect below the base is followed with the secret and headers; secrets never appear in results', async () => {
    seen.length = 0;
    const result = await guardedFetch(crmRequest('/redirect-in', { 'X-Tenant': 't-42' }), {
      maxBytes: 1000,
      integration: { baseUrl: `${base}/api`, secretHeaders: { authorization: 'Bearer s3cret' } },
    });
    expect(result).toMatchObject({ kind: 'response', status: 200 });
    expect(seen.map((h) => [h.path, h.authorization, h['x-tenant']])).toEqual([
      ['/api/redirect-in', 'Bearer s3cret', 't-42'],
      ['/api/ok', 'Bearer s3cret', 't-42'],
    ]);
    expect(JSON.stringify(result)).not.toContain('s3cret');
  });

  test("an integration request goes to its relative URL below this environment's base URL, not to the URL the flow built", async () => {
    seen.length = 0;
    const result = await guardedFetch(crmRequest('/orders/A%2F17?x=1'), {
      maxBytes: 1000,
      integration: { baseUrl: `${base}/api/`, secretHeaders: {} },
    });
    expect(result).toMatchObject({ kind: 'response', status: 200 });
    expect(seen.map((h) => h.path)).toEqual(['/api/orders/A%2F17?x=1']);
  });

  test("a redirect that leaves the base drops the secret and every header of the request, the integration's configured ones too", async () => {
    seen.length = 0;
    const result = await guardedFetch(crmRequest('/redirect-out', { 'X-Tenant': 't-42', 'X-Node': 'n' }), {
      maxBytes: 1000,
      integration: { baseUrl: `${base}/api`, secretHeaders: { authorization: 'Bearer s3cret' } },
    });
    expect(result).toMatchObject({ kind: 'response', status: 200 });
    expect(seen.map((h) => [h.path, h.authorization, h['x-tenant'], h['x-node']])).toEqual([
      ['/api/redirect-out', 'Bearer s3cret', 't-42', 'n'],
      ['/elsewhere', undefined, undefined, undefined],
    ]);
  });

  test("allowInternal reaches the integration's own host only: a redirect to another internal host is refused", async () => {
    seen.length = 0;
    const result = await guardedFetch(crmRequest('/redirect-other-host'), {
      maxBytes: 1000,
      integration: { baseUrl: `${base}/api`, secretHeaders: { authorization: 'Bearer s3cret' } },
    });
    expect(result).toEqual({ kind: 'networkError', message: expect.stringContaining('localhost resolves to') });
    expect(seen.map((h) => h.path)).toEqual(['/api/redirect-other-host']);
  });

  test('an integration request that leaves its base, or has no record of its integration, is refused before any byte is sent', async () => {
    seen.length = 0;
    const integration = { baseUrl: `${base}/api`, secretHeaders: { authorization: 'Bearer s3cret' } };
    expect(await guardedFetch(crmRequest(`${base}/steal`), { maxBytes: 1000, integration })).toEqual({
      kind: 'networkError',
      message:
        'the URL for the integration "crm" is an absolute URL; it must be a path under the integration\'s base URL',
    });
    expect(await guardedFetch(crmRequest('//localhost/steal'), { maxBytes: 1000, integration })).toMatchObject({
      kind: 'networkError',
      message: expect.stringContaining('absolute URL'),
    });
    for (const climbing of [
      '/orders/../../transform',
      '/orders/%2e%2e/%2E%2E/transform',
      '/orders/..%2F..%2Ftransform',
      '/orders/..%5C..%5Ctransform',
    ]) {
      expect(await guardedFetch(crmRequest(climbing), { maxBytes: 1000, integration })).toEqual({
        kind: 'networkError',
        message: 'the URL for the integration "crm" climbs out of the integration\'s base path',
      });
    }
    expect(await guardedFetch(crmRequest('/ok'), { maxBytes: 1000 })).toEqual({
      kind: 'networkError',
      message: 'the integration "crm" is not known here',
    });
    expect(
      await guardedFetch({ ...crmRequest('/ok'), relativeUrl: undefined }, { maxBytes: 1000, integration }),
    ).toMatchObject({ kind: 'networkError' });
    expect(seen).toHaveLength(0);
  });

  test('an oversized body is a network error; a slow answer is a timeout', async () => {
    expect(await guardedFetch(request(`${base}/big`, true), { maxBytes: 1000 })).toEqual({
      kind: 'networkError',
      message: 'the response is larger than 1000 bytes',
    });
    expect(await guardedFetch(request(`${base}/slow`, true, { timeoutSeconds: 1 }), { maxBytes: 1000 })).toEqual({
      kind: 'timeout',
    });
  });

  test('only http and https are allowed', async () => {
    expect(await guardedFetch(request('file:///etc/passwd', true), { maxBytes: 1000 })).toEqual({
      kind: 'networkError',
      message: 'only http and https are allowed, not file:',
    });
    expect(await guardedFetch(request('gopher://127.0.0.1/', true), { maxBytes: 1000 })).toEqual({
      kind: 'networkError',
      message: 'only http and https are allowed, not gopher:',
    });
  });
});
