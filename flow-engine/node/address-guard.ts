// Which network addresses an HTTP step may not reach unless its integration allows internal addresses: loopback,
// private, link-local (cloud metadata), carrier-grade NAT (Alibaba Cloud's metadata), unique-local and reserved ranges;
// and which it may never reach (cloud metadata and credential endpoints, metadata-addresses.ts). IPv6 spellings that
// carry an IPv4 address are judged by that address. Shared by the studio (refusing such base URLs at save time,
// base-url-guard.ts) and the runtime (checking resolved addresses at call time).

import ipaddr from 'ipaddr.js';
import { METADATA_ADDRESSES } from './metadata-addresses';

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
  rfc6052: 'an IPv6 address that translates to an IPv4 one (NAT64)',
  rfc6145: 'an IPv6 address that translates to an IPv4 one (SIIT)',
  '6to4': 'an IPv6 address tunnelled over IPv4 (6to4)',
  teredo: 'an IPv6 address tunnelled over IPv4 (Teredo)',
};

/** Host names that always mean this machine or an internal network, whatever DNS says. */
const internalNames = [/^localhost$/, /\.localhost$/, /\.internal$/, /\.local$/];

/**
 * Names of metadata services, refused like their addresses even when internal addresses are allowed: Google Compute
 * Engine "About VM metadata" (metadata.google.internal, and the short `metadata` on its VMs' search path); Tencent
 * Cloud CVM "Querying Instance Metadata" (metadata.tencentyun.com).
 */
const metadataNames = [/^metadata\.google\.internal$/, /^metadata$/, /^metadata\.tencentyun\.com$/];

/** RFC 8215 local-use NAT64 prefix 64:ff9b:1::/48, which ipaddr.js calls unicast. */
const localNat64 = ipaddr.parseCIDR('64:ff9b:1::/48');

/** How an IPv6 address carries an IPv4 one (RFC 4291 §2.5.5, RFC 6052 and 8215, RFC 6145, RFC 3056). */
type Carrier = 'mapped' | 'compatible' | 'translated';

interface Parsed {
  /** The address as given, without an IPv6 zone (`%eth0`). */
  address: ipaddr.IPv4 | ipaddr.IPv6;
  /** The IPv4 address inside an IPv6 one, and how it is carried. */
  inner: { ipv4: ipaddr.IPv4; carrier: Carrier } | null;
}

const ipv4From = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

function parse(text: string): Parsed | null {
  if (!ipaddr.isValid(text)) return null;
  const parsed = ipaddr.parse(text);
  if (parsed.kind() === 'ipv4') return { address: parsed, inner: null };
  const v6 = new ipaddr.IPv6((parsed as ipaddr.IPv6).parts);
  const p = v6.parts; // always eight 16-bit parts, hence the `!`s below
  const range = v6.range();
  const zeroHead = p.slice(0, 5).every((part) => part === 0);
  let inner: Parsed['inner'] = null;
  // ::ffff:a.b.c.d — the socket connects to the IPv4 address itself.
  if (v6.isIPv4MappedAddress()) inner = { ipv4: v6.toIPv4Address(), carrier: 'mapped' };
  // ::a.b.c.d — deprecated IPv4-compatible form (:: and ::1 have their own ranges).
  else if (zeroHead && p[5] === 0 && range === 'unicast')
    inner = { ipv4: ipv4From(p[6]!, p[7]!), carrier: 'compatible' };
  // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48) and SIIT (::ffff:0:a.b.c.d): the last 32 bits.
  else if (range === 'rfc6052' || range === 'rfc6145' || v6.match(localNat64))
    inner = { ipv4: ipv4From(p[6]!, p[7]!), carrier: 'translated' };
  // 6to4 (2002:aabb:ccdd::/48): the IPv4 address of the tunnel end.
  else if (range === '6to4') inner = { ipv4: ipv4From(p[1]!, p[2]!), carrier: 'translated' };
  return { address: v6, inner };
}

function metadataName(parsed: Parsed): string | null {
  return (
    METADATA_ADDRESSES.get(parsed.address.toNormalizedString()) ??
    (parsed.inner ? (METADATA_ADDRESSES.get(parsed.inner.ipv4.toNormalizedString()) ?? null) : null)
  );
}

function rangeReason(address: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  const range = address.kind() === 'ipv6' && (address as ipaddr.IPv6).match(localNat64) ? 'rfc6052' : address.range();
  if (range === 'unicast') return null;
  return rangeDescriptions[range] ?? 'a reserved address';
}

/**
 * What cloud metadata or credential endpoint `address` is (an IPv4 or IPv6 literal, in any spelling, including one
 * carried inside an IPv6 address), or null. Such an address is refused even when internal addresses are allowed.
 * @example metadataAddressName('::ffff:a9fe:a9fe') // 'the cloud instance metadata service (AWS, Azure, …)'
 */
export function metadataAddressName(address: string): string | null {
  const parsed = parse(address);
  return parsed ? metadataName(parsed) : null;
}

/** True when `address` is a cloud metadata or credential endpoint (see metadataAddressName). */
export function isMetadataAddress(address: string): boolean {
  return metadataAddressName(address) !== null;
}

/**
 * Why `address` (an IPv4 or IPv6 literal) is internal, or null when it is a public unicast address.
 * An IPv6 address that carries an IPv4 one is judged by it: IPv4-mapped (`::ffff:127.0.0.1`) as that address,
 * IPv4-compatible (`::127.0.0.1`, deprecated) as that address and never public, NAT64/SIIT/6to4 forms as internal
 * when the address inside is. Metadata endpoints are always internal.
 * @example internalAddressReason('169.254.169.254') // 'a link-local address (where cloud metadata services answer)'
 * @example internalAddressReason('::7f00:1') // 'a loopback address (this machine)'
 */
export function internalAddressReason(address: string): string | null {
  const parsed = parse(address);
  if (!parsed) return null;
  const { inner } = parsed;
  const innerReason = inner ? rangeReason(inner.ipv4) : null;
  const reason =
    inner?.carrier === 'mapped'
      ? innerReason
      : inner?.carrier === 'compatible'
        ? (innerReason ?? 'a deprecated IPv4-compatible IPv6 address')
        : (innerReason ?? rangeReason(parsed.address));
  if (reason) return reason;
  const metadata = metadataName(parsed);
  return metadata ? `${metadata}, a cloud metadata address` : null;
}

/** The URL's host without brackets or a trailing dot, lower-cased, or null when `url` does not parse. */
export function urlHost(url: string): string | null {
  let hostname: string;
  try {
    // The WHATWG parser already turns 2130706433 or 0x7f.1 into 127.0.0.1, and [::127.0.0.1] into [::7f00:1].
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname.replace(/\.$/, '');
}

/** True when `host` (as urlHost gives it) is an IP literal rather than a name. */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host);
}

/** Why a host name means a cloud metadata service whatever DNS says, or null. */
export function metadataNameReason(host: string): string | null {
  return metadataNames.some((pattern) => pattern.test(host)) ? 'the name of a cloud metadata service' : null;
}

/** Why a host name means this machine, an internal network or a cloud metadata service whatever DNS says, or null. */
export function internalNameReason(host: string): string | null {
  const internal = metadataNameReason(host) !== null || internalNames.some((pattern) => pattern.test(host));
  return internal ? 'a name of this machine or of a cloud metadata service' : null;
}

/** An address a request may not connect to, and why. */
export interface AddressRefusal {
  address: string;
  reason: string;
  /** A metadata or credential endpoint: refused even when internal addresses are allowed. */
  metadata: boolean;
}

/**
 * The first of `addresses` (what a host name resolves to) that a request may not connect to, or null when it may
 * connect to any of them: a metadata endpoint always, an internal address unless `allowInternal`. The rule the
 * runtime applies to every lookup at call time and the studio to a base URL's name at save time.
 * @example refusedAddress(['93.184.216.34', '::1'], false) // { address: '::1', reason: 'a loopback address (this machine)', metadata: false }
 */
export function refusedAddress(addresses: readonly string[], allowInternal: boolean): AddressRefusal | null {
  for (const address of addresses) {
    const metadata = metadataAddressName(address);
    if (metadata) return { address, reason: metadata, metadata: true };
    if (allowInternal) continue;
    const reason = ipaddr.isValid(address) ? internalAddressReason(address) : 'not an IP address';
    if (reason) return { address, reason, metadata: false };
  }
  return null;
}

/**
 * Why the URL's host is internal, or null: an IP literal in an internal range, or a name such as `localhost` or
 * `metadata.google.internal`. Names are not resolved here: base-url-guard.ts resolves them at save time, and the
 * runtime checks the addresses it connects to.
 * @example internalUrlReason('http://[::1]:8080/api') // 'a loopback address (this machine)'
 */
export function internalUrlReason(url: string): string | null {
  const host = urlHost(url);
  if (host === null) return null;
  return isIpLiteral(host) ? internalAddressReason(host) : internalNameReason(host);
}
