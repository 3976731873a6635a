// Which IP addresses an HTTP node may connect to: public unicast only unless its integration allows internal hosts; cloud metadata never.

import ipaddr from 'ipaddr.js';
import { internalAddressReason } from '../../flow-engine/node/address-guard';

/**
 * Public unicast only, by the classifier the studio uses when an integration is saved (flow-engine/node/address-guard);
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries.
 * @example isPublicAddress('169.254.169.254'); // false (link-local: the cloud metadata service)
 */
export function isPublicAddress(address: string): boolean {
  return ipaddr.isValid(address) && internalAddressReason(address) === null;
}

/** Cloud instance-metadata endpoints (credentials live there): refused even for integrations that allow internal hosts. */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200']);

export function isMetadataAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return METADATA.has(parsed.toNormalizedString()) || METADATA.has(parsed.toString());
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
