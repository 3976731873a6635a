// Which IP addresses an HTTP node may connect to: public unicast only unless its integration allows internal hosts; cloud metadata never.

import ipaddr from 'ipaddr.js';
import { internalAddressReason, isMetadataAddress } from './address-guard';

/**
 * Cloud metadata and credential endpoints (the cited list in flow-engine/node/metadata-addresses.ts), in every
 * spelling, IPv4 carried inside IPv6 included: refused even for integrations that allow internal hosts.
 */
export { isMetadataAddress };

/** The rule for a lookup's addresses, shared with the studio's save-time check (flow-engine/node/base-url-guard). */
export { refusedAddress, type AddressRefusal } from './address-guard';

/**
 * Public unicast only, by the classifier the studio uses when an integration is saved (flow-engine/node/address-guard);
 * IPv6 that carries an IPv4 address (`::ffff:127.0.0.1`, `::127.0.0.1`, NAT64) is judged by that address.
 * @example isPublicAddress('169.254.169.254'); // false (link-local: the cloud metadata service)
 */
export function isPublicAddress(address: string): boolean {
  return ipaddr.isValid(address) && internalAddressReason(address) === null;
}

/** A request the guard refused before any byte left: the message names the host, never headers or secrets. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      isMetadataAddress(address)
        ? `${host} is a cloud metadata address, which flows may never reach.`
        : `${host} resolves to ${address}, an internal address; the integration does not allow internal hosts.`,
    );
  }
}
