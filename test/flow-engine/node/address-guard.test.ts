// The address guard: every internal range (loopback, private, link-local, metadata, unique-local) in every spelling, and public addresses pass.

import { describe, expect, it } from 'vitest';
import { internalAddressReason, internalUrlReason } from '../../../flow-engine/node/address-guard';

describe('address guard', () => {
  it.each([
    ['http://127.0.0.1/', 'a loopback address (this machine)'],
    ['http://2130706433/', 'a loopback address (this machine)'],
    ['http://0x7f.0.0.1:8080/', 'a loopback address (this machine)'],
    ['http://[::1]/', 'a loopback address (this machine)'],
    ['http://[::ffff:127.0.0.1]/', 'a loopback address (this machine)'],
    ['http://10.0.0.5/api', 'a private network address'],
    ['http://192.168.1.10/', 'a private network address'],
    ['http://172.16.0.1/', 'a private network address'],
    ['http://169.254.169.254/latest/meta-data/', 'a link-local address (where cloud metadata services answer)'],
    ['http://100.100.100.200/latest/meta-data/', 'a carrier-grade NAT address (where some cloud metadata services answer)'],
    ['http://[fd00:ec2::254]/', 'a private (unique-local) IPv6 address'],
    ['http://[fe80::1]/', 'a link-local address (where cloud metadata services answer)'],
    ['http://0.0.0.0/', 'the unspecified address'],
    ['http://localhost:3000/', 'a name of this machine or of a cloud metadata service'],
    ['http://api.localhost/', 'a name of this machine or of a cloud metadata service'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'a name of this machine or of a cloud metadata service'],
    ['http://LOCALHOST./', 'a name of this machine or of a cloud metadata service'],
  ])('%s is internal: %s', (url, reason) => {
    expect(internalUrlReason(url)).toBe(reason);
  });

  it.each(['https://crm.example.com/api', 'http://8.8.8.8/', 'https://[2606:4700::1111]/', 'https://api.internal-tools.example.com/'])('%s is public', (url) => {
    expect(internalUrlReason(url)).toBeNull();
  });

  it('judges resolved addresses the runtime connects to, and ignores text that is not an address', () => {
    expect(internalAddressReason('10.1.2.3')).toBe('a private network address');
    expect(internalAddressReason('::ffff:a9fe:a9fe')).toBe('a link-local address (where cloud metadata services answer)');
    expect(internalAddressReason('93.184.216.34')).toBeNull();
    expect(internalAddressReason('not an address')).toBeNull();
  });
});
