// The client's address as the studio's HTTP server saw it: the socket's peer, or what trusted proxies (TRUST_PROXY) forwarded.
// No 'server-only' import: the start-up launcher's HTTP server stamps every request with it.

import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../../../schemas/trust-proxy';

/**
 * The one header better-auth reads the client address from (sign-in rate limit, sessions). The server overwrites
 * it on every request, so a client cannot choose its address by sending it, or by sending X-Forwarded-For.
 */
export const clientAddressHeader = 'x-callflow-client-address';

/** Replaces whatever the client sent in the client-address header with the address this server determined. */
export function stampClientAddress(request: IncomingMessage, trust: TrustProxy): string {
  const address = proxyaddr(request, trust);
  request.headers[clientAddressHeader] = address;
  return address;
}
