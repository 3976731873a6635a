// Template values cannot move an http node's request: what a hole gives is percent-encoded in the URL's path and in a
// query written into the URL (so `../` or `?a=1#` stay part of one value), unless the hole is written raw, `{{{ }}}`.

import { describe, expect, it } from 'vitest';
import { compile, renderHttpRequest } from '../../../flow-engine/compile';
import { integrationUrl } from '../../../flow-engine/driver';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { flow, node } from '../support/build-flow';

const resources = resolverFromBundle({ integrations: { crm: { baseUrl: 'https://crm.example.com/api' } } });
const http = (id: string, config: Record<string, unknown>) => node(id, 'http', config);
const doc = flow(
  [
    http('order', { integration: { ref: 'crm' }, url: '/orders/{{id}}', query: { lang: '{{call.language}}' } }),
    http('search', { integration: { ref: 'crm' }, url: '/search?q={{id}}&page=1' }),
    http('raw', { integration: { ref: 'crm' }, url: '/{{{id}}}' }),
    http('direct', { url: 'https://status.example.com/items/{{id}}' }),
    node('bye', 'hangup'),
  ],
  [
    'start:next->order',
    ...['order', 'search', 'raw', 'direct'].flatMap((id) =>
      ['ok', 'error', 'timeout'].map((port) => `${id}:${port}->bye`),
    ),
  ],
  { variables: [{ name: 'id', type: 'string' }] },
);
const compiled = compile(doc, { resources });
const render = (nodeId: string, id: string) =>
  renderHttpRequest(compiled, nodeId, { vars: { id }, call: { language: 'en-US' } });

describe('URL holes are encoded', () => {
  it('a value with ../ stays one path segment and cannot leave the base path', () => {
    const request = render('order', '../../transform');
    expect(request.url).toBe('https://crm.example.com/api/orders/..%2F..%2Ftransform?lang=en-US');
    expect(request.relativeUrl).toBe('/orders/..%2F..%2Ftransform?lang=en-US');
    // A sender refuses it even for a server that decodes %2F before routing.
    expect(integrationUrl('https://crm.example.com/api', request.relativeUrl!)).toEqual({
      ok: false,
      reason: "climbs out of the integration's base path",
    });
  });

  it('a value with ?, = and # cannot add a query or a fragment, in the path or in a query written into the URL', () => {
    expect(render('order', 'x?a=1#').url).toBe('https://crm.example.com/api/orders/x%3Fa%3D1%23?lang=en-US');
    expect(render('search', 'shoes&admin=1#x').url).toBe(
      'https://crm.example.com/api/search?q=shoes%26admin%3D1%23x&page=1',
    );
    expect(render('direct', 'a/b?c').url).toBe('https://status.example.com/items/a%2Fb%3Fc');
  });

  it('a raw hole {{{ }}} inserts the value as it is, and still cannot leave the base', () => {
    const nested = render('raw', 'orders/42?full=1');
    expect(nested.url).toBe('https://crm.example.com/api/orders/42?full=1');
    expect(integrationUrl('https://crm.example.com/api', nested.relativeUrl!)).toEqual({
      ok: true,
      url: 'https://crm.example.com/api/orders/42?full=1',
    });
    const climbing = render('raw', '../admin');
    expect(integrationUrl('https://crm.example.com/api', climbing.relativeUrl!)).toEqual({
      ok: false,
      reason: "climbs out of the integration's base path",
    });
    // Joined as text below the base, the compile-time URL keeps the integration's host whatever a raw hole gives.
    expect(new URL(render('raw', '@evil.example/x').url).host).toBe('crm.example.com');
  });
});
