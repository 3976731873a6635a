// The client's address as the studio's HTTP server saw it: the socket's peer, or what trusted proxies (TRUST_PROXY) forwarded.
// No 'server-only' import: the start-up launcher's HTTP server stamps every request with it.

import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * The one header better-auth reads the client address from (sign-in rate limit, sessions). The server overwrites
 * it on every request, so a client cannot choose its address by sending it, or by sending X-Forwarded-For.
 */
export const clientAddressHeader = 'x-callflow-client-address';

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Which peers may tell us the client's address in X-Forwarded-For: none when `setting` is empty, else a
 * comma-separated list of addresses, CIDR ranges or proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`).
 * @throws TypeError naming the entry proxy-addr cannot read.
 */
export function trustProxyFrom(setting: string | undefined): TrustProxy {
  const entries = (setting ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return () => false;
  return proxyaddr.compile(entries);
}

/** Replaces whatever the client sent in the client-address header with the address this server determined. */
export function stampClientAddress(request: IncomingMessage, trust: TrustProxy): string {
  const address = proxyaddr(request, trust);
  request.headers[clientAddressHeader] = address;
  return address;
}
