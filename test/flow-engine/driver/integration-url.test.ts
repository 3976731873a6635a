// integrationUrl: a request of an integration is joined below the integration's base URL, normalised, and refused when
// it leaves the base's origin or climbs above its path.

import { describe, expect, it } from 'vitest';
import { integrationUrl } from '../../../flow-engine/driver';

const base = 'https://crm.example.com:8443/api/v1/';

describe('integrationUrl', () => {
  it.each([
    ['/orders/42', 'https://crm.example.com:8443/api/v1/orders/42'],
    ['orders/42?lang=en', 'https://crm.example.com:8443/api/v1/orders/42?lang=en'],
    ['', 'https://crm.example.com:8443/api/v1/'],
    ['/orders/../customers/7', 'https://crm.example.com:8443/api/v1/customers/7'],
    ['/@evil.example/x', 'https://crm.example.com:8443/api/v1/@evil.example/x'],
  ])('%s goes to %s', (relative, url) => {
    expect(integrationUrl(base, relative)).toEqual({ ok: true, url });
  });

  it.each([
    ['https://any-host.example/steal', 'is an absolute URL'],
    ['HTTP://crm.example.com:8443/api/v1/x', 'is an absolute URL'],
    ['//any-host.example/steal', 'is an absolute URL'],
    ['\\\\any-host.example/steal', 'is an absolute URL'],
    ['javascript:alert(1)', 'is an absolute URL'],
    ['/../v2/orders', 'climbs out'],
    ['/orders/../../../admin', 'climbs out'],
    ['/%2e%2e/%2E%2E/admin', 'climbs out'],
    ['/..%2F..%2Fadmin', 'climbs out'],
    ['/..%5Cadmin', 'climbs out'],
  ])('%s is refused (%s)', (relative, reason) => {
    const result = integrationUrl(base, relative);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('a base path is matched by whole segments: /api/v1 does not cover /api/v10', () => {
    expect(integrationUrl('https://crm.example.com/api/v1', '/../v10/x')).toMatchObject({ ok: false });
  });
});
