// Where a request of an integration may go: its node's URL joined under the integration's base URL and refused when
// the result leaves that base (another scheme, host or port, or a path that climbs above the base path). The engine
// builds requests with it, and every sender re-resolves a request against its own environment's record of the
// integration with it, so neither a flow nor a template value can carry the integration's headers elsewhere.

/** Why a URL was refused, as a clause without the URL itself (it may hold caller data): "is an absolute URL". */
export type IntegrationUrlResult = { ok: true; url: string } | { ok: false; reason: string };

/** A URL written with its own scheme (`https:`, `mailto:`) or authority (`//host`, `\\host`): not relative to a base. */
export function isAbsoluteUrl(url: string): boolean {
  return /^\s*([a-z][a-z0-9+.-]*:|[/\\]{2})/i.test(url);
}

/** `relative` put after `base` as text: the base's origin always stays the origin; the path is normalised later. */
export function joinUnderBase(base: string, relative: string): string {
  const path = relative.replace(/^[/\\]+/, '');
  return path === '' ? base : `${base.replace(/\/+$/, '')}/${path}`;
}

/** Path segments with `.` and `..` resolved, after `decode` (percent-decoding) of each segment; null when `..` climbs above the root. */
function resolveSegments(pathname: string, decode: boolean): string[] | null {
  const out: string[] = [];
  for (const raw of pathname.split('/')) {
    let segment = raw;
    if (decode) {
      try {
        segment = decodeURIComponent(raw);
      } catch {
        segment = raw;
      }
    }
    // A server that decodes `%2F` or `%5C` before routing sees several segments.
    for (const part of decode ? segment.split(/[/\\]/) : [segment]) {
      if (part === '.' || part === '') continue;
      if (part === '..') {
        if (out.length === 0) return null;
        out.pop();
      } else {
        out.push(part);
      }
    }
  }
  return out;
}

/** True when `inner`'s segments start with all of `base`'s. */
function startsWith(inner: string[] | null, base: string[] | null): boolean {
  return inner !== null && base !== null && base.every((segment, i) => inner[i] === segment);
}

/** True when `url` is on `base`'s origin and its path, read as given and percent-decoded, stays at or below `base`'s path. */
export function isUnderBase(url: URL, base: URL): boolean {
  if (
    url.origin !== base.origin ||
    url.protocol !== base.protocol ||
    url.username !== base.username ||
    url.password !== base.password
  )
    return false;
  return (
    startsWith(resolveSegments(url.pathname, false), resolveSegments(base.pathname, false)) &&
    startsWith(resolveSegments(url.pathname, true), resolveSegments(base.pathname, true))
  );
}

/**
 * The URL a request of an integration goes to: `relative` (the node's rendered URL and query, relative to the base)
 * joined under `baseUrl` and normalised, or the reason it is refused.
 * @example
 * integrationUrl('https://crm.example.com/api', '/orders/42?x=1'); // { ok: true, url: 'https://crm.example.com/api/orders/42?x=1' }
 * integrationUrl('https://crm.example.com/api', '/orders/../../admin'); // { ok: false, reason: 'climbs out of …' }
 */
export function integrationUrl(baseUrl: string, relative: string): IntegrationUrlResult {
  if (isAbsoluteUrl(relative))
    return { ok: false, reason: "is an absolute URL; it must be a path under the integration's base URL" };
  let base: URL;
  let url: URL;
  try {
    base = new URL(baseUrl);
    url = new URL(joinUnderBase(baseUrl, relative));
  } catch {
    return { ok: false, reason: 'is not a valid URL once joined to the base URL' };
  }
  if (!isUnderBase(url, base)) {
    return url.origin === base.origin
      ? { ok: false, reason: "climbs out of the integration's base path" }
      : { ok: false, reason: "leaves the integration's origin" };
  }
  return { ok: true, url: url.href };
}
