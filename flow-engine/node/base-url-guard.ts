// Save-time check of an integration's base URL, the same rule the runtime applies at call time: an IP literal is
// judged as it is, and a host name is resolved (every address, as the runtime's lookup does) and refused when any
// address is internal (unless the integration allows internal addresses) or a cloud metadata endpoint (always).
// A name the studio cannot resolve is left to the runtime, which checks every connection anyway.

import dns from 'node:dns';
import {
  internalAddressReason,
  internalNameReason,
  isIpLiteral,
  metadataAddressName,
  metadataNameReason,
  refusedAddress,
  urlHost,
} from './address-guard';

/** Every address `hostname` resolves to; rejects when it does not resolve. */
export type HostLookup = (hostname: string) => Promise<string[]>;

/**
 * The system resolver as the runtime uses it (getaddrinfo, so /etc/hosts counts), all addresses.
 * Called through the module object so that a test may stand in for the resolver.
 */
export const systemLookup: HostLookup = (hostname) =>
  new Promise((resolve, reject) => {
    dns.lookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    );
  });

/** How long a save waits for DNS before leaving the name to the call-time check. */
export const SAVE_LOOKUP_TIMEOUT_MS = 5_000;

/** Why a base URL may not be saved: the sentence names where it points; `metadata` ones stay refused with allowInternal. */
export interface BaseUrlRefusal {
  reason: string;
  metadata: boolean;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

/**
 * Why `url` may not be an integration's base URL, or null when it may.
 * @param lookup resolver for host names (the system's by default; tests pass their own)
 * @example await baseUrlRefusal('http://ip6-localhost/', false) // { reason: 'a name that resolves to ::1, a loopback address (this machine)', metadata: false }
 */
export async function baseUrlRefusal(
  url: string,
  allowInternal: boolean,
  lookup: HostLookup = systemLookup,
): Promise<BaseUrlRefusal | null> {
  const host = urlHost(url);
  if (host === null) return null;
  if (isIpLiteral(host)) {
    const metadata = metadataAddressName(host);
    if (metadata) return { reason: metadata, metadata: true };
    const reason = allowInternal ? null : internalAddressReason(host);
    return reason ? { reason, metadata: false } : null;
  }
  const metadataName = metadataNameReason(host);
  if (metadataName) return { reason: metadataName, metadata: true };
  const nameReason = allowInternal ? null : internalNameReason(host);
  if (nameReason) return { reason: nameReason, metadata: false };
  const addresses = await withTimeout(lookup(host), SAVE_LOOKUP_TIMEOUT_MS);
  if (addresses === null) return null;
  const refused = refusedAddress(addresses, allowInternal);
  return refused
    ? { reason: `a name that resolves to ${refused.address}, ${refused.reason}`, metadata: refused.metadata }
    : null;
}
