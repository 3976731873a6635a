// Validate refuses an absolute URL on a node that uses an integration (its headers and secret go only below the
// integration's base) and any credential on a node without one (credentials are kept by integrations).

import { describe, expect, it } from 'vitest';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { validate } from '../../../flow-engine/validate/index';
import { flow, node } from '../support/build-flow';
import { issuesOf } from './fixtures';

const resources = resolverFromBundle({ integrations: { crm: { baseUrl: 'https://crm.example.com/api' } } });

/** A flow of http nodes, each leaving by all its ports to one hang-up. */
function httpFlow(configs: Record<string, Record<string, unknown>>) {
  const ids = Object.keys(configs);
  return flow(
    [...ids.map((id) => node(id, 'http', configs[id])), node('bye', 'hangup')],
    [
      `start:next->${ids[0]}`,
      ...ids.flatMap((id, i) => ['ok', 'error', 'timeout'].map((port) => `${id}:${port}->${ids[i + 1] ?? 'bye'}`)),
    ],
  );
}

describe('integration-absolute-url', () => {
  it('refuses a URL with a scheme or an authority of its own on a node that uses an integration', () => {
    const doc = httpFlow({
      steal: { integration: { ref: 'crm' }, url: 'https://any-host.example/steal' },
      noScheme: { integration: { ref: 'crm' }, url: '//any-host.example/steal' },
      fine: { integration: { ref: 'crm' }, url: '/orders/{{call.caller}}' },
      plain: { url: 'https://status.example.com/ping' },
    });
    const issues = issuesOf(validate(doc, { resources }), 'integration-absolute-url');
    expect(issues.map((i) => [i.severity, i.nodeId, i.path])).toEqual([
      ['error', 'steal', '/nodes/1/config/url'],
      ['error', 'noScheme', '/nodes/2/config/url'],
    ]);
    expect(issues[0]!.message).toBe(
      'Node "steal" uses the integration "crm" but its URL is absolute; write a path under the integration\'s base URL, such as /orders/{{orderId}}.',
    );
  });
});

describe('http-credential-without-integration', () => {
  it('refuses credential headers, credential query parameters and a user name in the URL on a node without an integration', () => {
    const doc = httpFlow({
      direct: {
        url: 'https://admin:hunter2@status.example.com/ping',
        headers: { Authorization: 'Bearer abc', 'X-Api-Key': 'k', 'X-Request-Source': 'ivr' },
        query: { access_token: 't', lang: 'en' },
      },
      withIntegration: {
        integration: { ref: 'crm' },
        url: '/ping',
        headers: { Authorization: 'Bearer {{call.caller}}' },
      },
    });
    const issues = issuesOf(validate(doc, { resources }), 'http-credential-without-integration');
    expect(issues.map((i) => [i.severity, i.nodeId, i.path])).toEqual([
      ['error', 'direct', '/nodes/1/config/url'],
      ['error', 'direct', '/nodes/1/config/headers/Authorization'],
      ['error', 'direct', '/nodes/1/config/headers/X-Api-Key'],
      ['error', 'direct', '/nodes/1/config/query/access_token'],
    ]);
    expect(issues[1]!.message).toBe(
      'Node "direct" sends the header "Authorization" without an integration; keep the credential in an integration\'s secret, which only administrators set.',
    );
  });

  it('a node without an integration and without credentials is accepted', () => {
    const doc = httpFlow({
      ping: {
        url: 'https://status.example.com/ping/{{call.caller}}',
        headers: { Accept: 'application/json' },
        query: { lang: 'en' },
      },
    });
    expect(issuesOf(validate(doc, { resources }), 'http-credential-without-integration')).toEqual([]);
  });
});
