// Counts a request's body bytes as the socket delivers them — chunked or not — and stops the stream past a limit, so
// that no reader (Next, better-auth, a route) can ever buffer more than the limit. No 'server-only' import: the
// start-up launcher's HTTP server applies it.

import type { IncomingMessage } from 'node:http';

/** The error a limited body's readers see; recognise it by `name` (the launcher and Next's build load separate copies). */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/** True for the error a limited body's readers see, whichever copy of this module made it. */
export function isBodyTooLargeError(error: unknown): boolean {
  return error instanceof Error && error.name === 'BodyTooLargeError';
}

/** Declared Content-Length in bytes, or null when the body is chunked (or the header is not a number). */
export function declaredBodyBytes(request: IncomingMessage): number | null {
  const header = request.headers['content-length'];
  if (header === undefined || !/^\d+$/.test(header)) return null;
  return Number(header);
}

/**
 * Lets at most `limit` body bytes through to `request`'s readers. Node's HTTP parser hands every decoded body chunk
 * to `request.push`, whether the body is chunked or has a Content-Length and whether or not anyone reads yet; counting
 * there sees each byte once, before any buffering. The chunk that crosses the limit and everything after it are
 * dropped (nothing more is buffered, however long the client goes on), and `onExceeded` runs once with the bytes
 * received so far; it answers 413 and ends the request.
 */
export function limitBodyBytes(request: IncomingMessage, limit: number, onExceeded: (received: number) => void): void {
  const push = request.push.bind(request);
  let received = 0;
  let exceeded = false;
  request.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    // Dropped, but reported as taken so that the socket keeps being read until the connection closes.
    if (exceeded) return true;
    if (chunk === null || chunk === undefined) return push(chunk, encoding);
    received += (chunk as Buffer).length;
    if (received <= limit) return push(chunk, encoding);
    exceeded = true;
    onExceeded(received);
    return true;
  };
}
