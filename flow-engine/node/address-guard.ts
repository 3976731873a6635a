// Which network addresses an HTTP step may not reach unless its integration allows internal addresses: loopback,
// private, link-local (cloud metadata), carrier-grade NAT (Alibaba Cloud's metadata), unique-local and reserved ranges.
// Shared by the studio (refusing such base URLs at save time) and the runtime (checking resolved addresses at call time).

import ipaddr from 'ipaddr.js';

/** ipaddr.js range names with a sentence each; every range but global `unicast` is internal. */
const rangeDescriptions: Record<string, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  carrierGradeNat: 'a carrier-grade NAT address (where some cloud metadata services answer)',
  uniqueLocal: 'a private (unique-local) IPv6 address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
};

/** Host names that always mean this machine or a cloud metadata service, whatever DNS says. */
const internalNames = [/^localhost$/, /\.localhost$/, /^metadata\.google\.internal$/, /^metadata$/, /\.internal$/, /\.local$/];

/**
 * Why `address` (an IPv4 or IPv6 literal) is internal, or null when it is a public unicast address.
 * IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) are judged as the IPv4 address they carry.
 * @example internalAddressReason('169.254.169.254') // 'a link-local address (where cloud metadata services answer)'
 */
export function internalAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === 'unicast') return null;
  return rangeDescriptions[range] ?? 'a reserved address';
}

/**
 * Why the URL's host is internal, or null: an IP literal in an internal range, or a name such as `localhost` or
 * `metadata.google.internal`. Names are not resolved here; the runtime checks the addresses it connects to.
 * @example internalUrlReason('http://[::1]:8080/api') // 'a loopback address (this machine)'
 */
export function internalUrlReason(url: string): string | null {
  let hostname: string;
  try {
    // The WHATWG parser already turns 2130706433 or 0x7f.1 into 127.0.0.1.
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname.replace(/\.$/, '');
  if (ipaddr.isValid(bare)) return internalAddressReason(bare);
  return internalNames.some((pattern) => pattern.test(bare)) ? 'a name of this machine or of a cloud metadata service' : null;
}
