// The save-time base URL check resolves host names as the runtime does (every address) and refuses internal ones
// unless allowed, metadata endpoints always; literals and well-known names are judged without a lookup.

import { describe, expect, it } from 'vitest';
import { baseUrlRefusal, systemLookup, type HostLookup } from '../../../flow-engine/node/base-url-guard';

/** A resolver over a fixed table, recording what it was asked; an unknown name does not resolve. */
function tableLookup(table: Record<string, string[]>): HostLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string) => {
    asked.push(hostname);
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
  return Object.assign(lookup, { asked });
}

const hosts = tableLookup({
  // As /etc/hosts on Debian spells it: ip6-localhost is ::1.
  'ip6-localhost': ['::1'],
  'crm.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'split.example.com': ['93.184.216.34', '10.1.2.3'],
  'creds.example.com': ['169.254.170.23'],
  'wire.example.com': ['168.63.129.16'],
});

describe('baseUrlRefusal', () => {
  it('refuses a name that resolves to loopback, and allows it with allowInternal', async () => {
    expect(await baseUrlRefusal('http://ip6-localhost:8080/api', false, hosts)).toEqual({
      reason: 'a name that resolves to ::1, a loopback address (this machine)',
      metadata: false,
    });
    expect(await baseUrlRefusal('http://ip6-localhost:8080/api', true, hosts)).toBeNull();
  });

  it('refuses a name when any of its addresses is internal, as the runtime does', async () => {
    expect(await baseUrlRefusal('https://split.example.com/', false, hosts)).toMatchObject({
      reason: 'a name that resolves to 10.1.2.3, a private network address',
    });
    expect(await baseUrlRefusal('https://crm.example.com/api', false, hosts)).toBeNull();
  });

  it('refuses a name that resolves to a metadata endpoint even with allowInternal', async () => {
    expect(await baseUrlRefusal('http://creds.example.com/', true, hosts)).toEqual({
      reason: 'a name that resolves to 169.254.170.23, the Amazon EKS Pod Identity agent (pod credentials)',
      metadata: true,
    });
    expect(await baseUrlRefusal('http://wire.example.com/', true, hosts)).toMatchObject({ metadata: true });
  });

  it('judges literals and well-known names without a lookup', async () => {
    const lookup = tableLookup({});
    expect(await baseUrlRefusal('http://[::127.0.0.1]/', false, lookup)).toEqual({
      reason: 'a loopback address (this machine)',
      metadata: false,
    });
    expect(await baseUrlRefusal('http://[fd00:ec2::23]/', true, lookup)).toEqual({
      reason: 'the Amazon EKS Pod Identity agent (pod credentials, IPv6)',
      metadata: true,
    });
    expect(await baseUrlRefusal('http://168.63.129.16/', false, lookup)).toMatchObject({ metadata: true });
    expect(await baseUrlRefusal('http://metadata.google.internal/', true, lookup)).toEqual({
      reason: 'the name of a cloud metadata service',
      metadata: true,
    });
    expect(await baseUrlRefusal('http://localhost/', false, lookup)).toMatchObject({ metadata: false });
    expect(await baseUrlRefusal('http://localhost/', true, lookup)).toBeNull();
    expect(lookup.asked).toEqual(['localhost']);
  });

  it('leaves a name it cannot resolve to the call-time check', async () => {
    expect(await baseUrlRefusal('https://nowhere.example.com/', false, hosts)).toBeNull();
    expect(hosts.asked).toContain('nowhere.example.com');
  });

  it('the system resolver answers from the hosts file, every address', async () => {
    expect(await systemLookup('localhost')).toContain('127.0.0.1');
  });
});
