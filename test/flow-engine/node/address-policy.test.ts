// The runtime's address policy at call time: every metadata and credential endpoint refused even when internal
// addresses are allowed, in every IPv6 spelling, and the same lookup rule as the studio's save-time check.

import { describe, expect, it } from 'vitest';
import {
  BlockedAddressError,
  isMetadataAddress,
  isPublicAddress,
  refusedAddress,
} from '../../../flow-engine/node/address-policy';

describe('address policy at call time', () => {
  it.each([
    '169.254.170.23',
    'fd00:ec2::23',
    '168.63.129.16',
    '::a9fe:a9fe',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    'fd00:ec2::254',
    '192.0.0.192',
  ])('%s is a metadata address, never public', (address) => {
    expect(isMetadataAddress(address)).toBe(true);
    expect(isPublicAddress(address)).toBe(false);
    expect(new BlockedAddressError('svc.example.com', address).message).toBe(
      'svc.example.com is a cloud metadata address, which flows may never reach.',
    );
  });

  it.each(['::7f00:1', '::127.0.0.1', '::10.0.0.1', '64:ff9b:1::7f00:1'])(
    '%s (IPv4 inside IPv6) is internal',
    (address) => {
      expect(isPublicAddress(address)).toBe(false);
    },
  );

  it('a lookup answer is refused by any internal address, and by a metadata one even when internal hosts are allowed', () => {
    expect(refusedAddress(['93.184.216.34', '::7f00:1'], false)).toMatchObject({
      address: '::7f00:1',
      metadata: false,
    });
    expect(refusedAddress(['93.184.216.34', '::7f00:1'], true)).toBeNull();
    expect(refusedAddress(['10.0.0.1', '169.254.170.23'], true)).toMatchObject({
      address: '169.254.170.23',
      metadata: true,
    });
  });
});
