// The address guard: every internal range (loopback, private, link-local, metadata, unique-local) in every spelling, and public addresses pass.

import { describe, expect, it } from 'vitest';
import {
  internalAddressReason,
  internalUrlReason,
  isMetadataAddress,
  metadataAddressName,
  refusedAddress,
} from '../../../flow-engine/node/address-guard';

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
    [
      'http://100.100.100.200/latest/meta-data/',
      'a carrier-grade NAT address (where some cloud metadata services answer)',
    ],
    ['http://[fd00:ec2::254]/', 'a private (unique-local) IPv6 address'],
    ['http://[fe80::1]/', 'a link-local address (where cloud metadata services answer)'],
    ['http://0.0.0.0/', 'the unspecified address'],
    ['http://localhost:3000/', 'a name of this machine or of a cloud metadata service'],
    ['http://api.localhost/', 'a name of this machine or of a cloud metadata service'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'a name of this machine or of a cloud metadata service'],
    ['http://LOCALHOST./', 'a name of this machine or of a cloud metadata service'],
    // IPv4-compatible IPv6: the URL parser writes [::127.0.0.1] as [::7f00:1], which ipaddr.js calls unicast.
    ['http://[::127.0.0.1]/', 'a loopback address (this machine)'],
    ['http://[::a9fe:a9fe]/', 'a link-local address (where cloud metadata services answer)'],
    ['http://[::10.0.0.1]/', 'a private network address'],
    ['http://[::8.8.8.8]/', 'a deprecated IPv4-compatible IPv6 address'],
    // NAT64, SIIT and 6to4 forms of an internal address are judged by it.
    ['http://[64:ff9b::a9fe:a9fe]/', 'a link-local address (where cloud metadata services answer)'],
    ['http://[64:ff9b:1::7f00:1]/', 'a loopback address (this machine)'],
    ['http://[64:ff9b:1::808:808]/', 'an IPv6 address that translates to an IPv4 one (NAT64)'],
    ['http://[::ffff:0:a9fe:a9fe]/', 'a link-local address (where cloud metadata services answer)'],
    ['http://[2002:7f00:1::1]/', 'a loopback address (this machine)'],
    // Metadata endpoints on public-looking addresses are internal too.
    ['http://168.63.129.16/machine?comp=goalstate', 'the Azure WireServer host endpoint, a cloud metadata address'],
    ['http://[::ffff:168.63.129.16]/', 'the Azure WireServer host endpoint, a cloud metadata address'],
    ['http://metadata.tencentyun.com/latest/meta-data/', 'a name of this machine or of a cloud metadata service'],
  ])('%s is internal: %s', (url, reason) => {
    expect(internalUrlReason(url)).toBe(reason);
  });

  it.each([
    'https://crm.example.com/api',
    'http://8.8.8.8/',
    'https://[2606:4700::1111]/',
    'https://api.internal-tools.example.com/',
  ])('%s is public', (url) => {
    expect(internalUrlReason(url)).toBeNull();
  });

  it('judges resolved addresses the runtime connects to, and ignores text that is not an address', () => {
    expect(internalAddressReason('10.1.2.3')).toBe('a private network address');
    expect(internalAddressReason('::ffff:a9fe:a9fe')).toBe(
      'a link-local address (where cloud metadata services answer)',
    );
    expect(internalAddressReason('93.184.216.34')).toBeNull();
    expect(internalAddressReason('not an address')).toBeNull();
  });

  it.each([
    '169.254.169.254',
    '::ffff:169.254.169.254',
    '::a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    'fd00:ec2::254',
    'fd00:ec2:0:0:0:0:0:254',
    '169.254.170.2',
    '169.254.170.23',
    'fd00:ec2::23',
    '168.63.129.16',
    '100.100.100.200',
    '169.254.0.23',
    '192.0.0.192',
    'fe80::a9fe:a9fe',
    'fe80::a9fe:a9fe%eth0',
  ])('%s is a metadata endpoint in any spelling', (address) => {
    expect(isMetadataAddress(address)).toBe(true);
    expect(internalAddressReason(address)).not.toBeNull();
  });

  it.each(['8.8.8.8', '169.254.169.253', '10.0.0.1', 'fd00:ec2::1', '::1', 'not an address'])(
    '%s is not a metadata endpoint',
    (address) => {
      expect(metadataAddressName(address)).toBeNull();
    },
  );

  it('a lookup is refused by its first internal address, or by a metadata address even when internal ones are allowed', () => {
    expect(refusedAddress(['93.184.216.34', '2606:4700::1111'], false)).toBeNull();
    expect(refusedAddress(['93.184.216.34', '::1'], false)).toEqual({
      address: '::1',
      reason: 'a loopback address (this machine)',
      metadata: false,
    });
    expect(refusedAddress(['93.184.216.34', '::1'], true)).toBeNull();
    expect(refusedAddress(['10.0.0.1', 'fd00:ec2::23'], true)).toEqual({
      address: 'fd00:ec2::23',
      reason: 'the Amazon EKS Pod Identity agent (pod credentials, IPv6)',
      metadata: true,
    });
  });
});
