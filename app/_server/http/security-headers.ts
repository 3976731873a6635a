// The security headers every response of the studio carries, set by its HTTP server before Next or the API answer.
// No 'server-only' import: the start-up launcher's HTTP server sets them.

/**
 * Content-Security-Policy of the studio's pages.
 * - script-src 'unsafe-inline': Next's App Router streams its payload in inline <script> tags; only per-request
 *   nonces (which make every page dynamic) would remove it.
 * - no 'unsafe-eval': flows are validated in the browser by ajv's standalone code, generated at
 *   `npm run schema:generate` (flow-engine/validate/generated/flow-schema-validate.generated.ts), and zod runs jitless; nothing
 *   else in the stack needs it in production (XState, CEL via cel-js, React Flow, Monaco).
 * - style-src 'unsafe-inline': antd's CSS-in-JS and Monaco insert <style> elements and style attributes.
 * - worker-src 'self' blob:: Monaco's editor and JSON workers and the elkjs layout worker are module workers
 *   served from this origin (blob: for bundlers that wrap them).
 */
const pagePolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON answers are never rendered as documents: nothing may load from or frame them. */
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The headers for a response to `pathname`. */
export function securityHeaders(pathname: string): Record<string, string> {
  return {
    'Content-Security-Policy': pathname.startsWith('/api/') ? apiPolicy : pagePolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    // For browsers older than CSP's frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
