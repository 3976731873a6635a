// Decides whether a browser request came from the studio's own origin (CSRF protection for tRPC mutations).

import 'server-only';
/**
 * True when the request may change data: browsers mark cross-site requests with `Sec-Fetch-Site`
 * and an `Origin`; both must agree with the studio's trusted origins when present. Requests without
 * either header are not from a modern browser page and carry no ambient credentials to abuse.
 */
export function isSameSiteRequest(headers: Headers, trustedOrigins: readonly string[]): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  // 'none' is a user typing the URL or a bookmark; 'same-site' would trust sibling sub-domains, so it is refused.
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = headers.get('origin');
  if (origin !== null && !trustedOrigins.includes(origin)) return false;
  return true;
}
