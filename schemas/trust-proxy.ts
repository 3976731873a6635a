// TRUST_PROXY read into a predicate: which peers may tell the studio the client's address (settings and the HTTP server).

import proxyaddr from 'proxy-addr';

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Which peers may tell us the client's address in X-Forwarded-For: none when `setting` is empty, else a
 * comma-separated list of addresses, CIDR ranges or proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`).
 * @throws TypeError naming the entry proxy-addr cannot read.
 */
export function trustProxyFrom(setting: string | undefined): TrustProxy {
  const entries = (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return () => false;
  return proxyaddr.compile(entries);
}
