// The time zone times are shown in: the browser's own, which the browser reports in a cookie so that the server
// renders the same times the browser would (no hydration mismatch), and the server's zone until it has.

/** Set by the browser (shell/providers.tsx), read by the request config (request.ts). */
export const timeZoneCookieName = 'callflow-tz';

/** True for an IANA zone name this runtime knows ("Asia/Shanghai", "UTC"); anything else from a cookie is ignored. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone of a request: the browser's from the cookie when it is a real zone, else the server's own. */
export function resolveTimeZone(cookieValue: string | undefined): string {
  return isTimeZone(cookieValue) ? cookieValue : Intl.DateTimeFormat().resolvedOptions().timeZone;
}
