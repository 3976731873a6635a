// The studio's one HTTP server: holds the port from the first moment, stamps the client address and the security
// headers on every request, bounds every request body by its route's byte limit, answers 503 while the studio
// starts, then hands each request to Next.
// No 'server-only' import: the start-up launcher creates it.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, declaredBodyBytes, limitBodyBytes } from './body-byte-limit';
import type { TrustProxy } from '../../../schemas/trust-proxy';
import { stampClientAddress } from './client-address';
import { bodyTooLargeAnswer, requestBodyLimit, type BodyLimit } from './request-body-limits';
import { securityHeaders } from './security-headers';
import { startingAnswer, startingRefreshSeconds, type StartupPhase } from './starting-page';

export type RequestHandler = (request: http.IncomingMessage, response: http.ServerResponse) => void | Promise<void>;

export interface StudioServer {
  readonly server: http.Server;
  /** Starts serving requests with `handler` (until then every request gets 503 "starting"). */
  serve(handler: RequestHandler): void;
  /** What the "starting" answer says start-up is doing now. */
  setPhase(phase: StartupPhase): void;
  /** Stops accepting connections, closes idle ones and waits for requests in flight (at most `graceMs`); safe to repeat. */
  close(graceMs?: number): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `Port ${port} on ${host} is already in use by another program; stop it, or start the studio with another PORT (e.g. PORT=3100 npm start).`,
    );
  }
}

function pathnameOf(url: string | undefined): string {
  const path = url ?? '/';
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

// How long a refused request's connection stays open after the 413, reading and dropping what the client still sends.
const lingerMs = 2000;

/**
 * Answers 413 (unless an answer has begun) with `Connection: close`, then closes the connection without a reset: Node
 * would destroy the socket as soon as the answer is written, and a client still sending would see the reset instead of
 * the answer. So the socket half-closes after the answer and drops what still arrives until the client closes its side
 * (at most `lingerMs`). The request's readers then get BodyTooLargeError.
 */
function refuseBody(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  limit: BodyLimit,
  received: number,
): void {
  const error = new BodyTooLargeError(limit.bytes);
  if (response.headersSent) {
    request.destroy(error);
    return;
  }
  const socket = request.socket;
  socket.destroySoon = () => {
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    socket.once('close', () => {
      clearTimeout(timer);
      request.destroy(error);
    });
    socket.end();
  };
  const body = JSON.stringify(bodyTooLargeAnswer(limit, received));
  response.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  response.end(body);
}

/** Creates the server and listens on host:port; rejects with PortInUseError when the port is taken. */
export async function listenStudioServer(options: {
  host: string;
  port: number;
  trustProxy: TrustProxy;
}): Promise<StudioServer> {
  let handler: RequestHandler | undefined;
  let phase: StartupPhase = 'listening';
  const server = http.createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders(pathnameOf(request.url))))
      response.setHeader(name, value);
    stampClientAddress(request, options.trustProxy);
    const limit = requestBodyLimit(pathnameOf(request.url), request.headers.cookie);
    const declared = declaredBodyBytes(request);
    let refused = declared !== null && declared > limit.bytes;
    if (refused) {
      // Refused before anything is read: the handler never sees it, and Node drops the body while the connection lingers.
      refuseBody(request, response, limit, declared!);
      return;
    }
    limitBodyBytes(request, limit.bytes, (received) => {
      refused = true;
      refuseBody(request, response, limit, received);
    });
    if (!handler) {
      const answer = startingAnswer(phase, {
        accept: request.headers.accept,
        'accept-language': request.headers['accept-language'],
        cookie: request.headers.cookie,
      });
      response.writeHead(503, {
        'content-type': answer.contentType,
        'retry-after': String(startingRefreshSeconds),
        'cache-control': 'no-store',
      });
      response.end(answer.body);
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      // The body limit answered 413; the handler only saw its body stop (or could not answer any more).
      if (refused) return;
      console.error(
        `[http] ${request.method} ${pathnameOf(request.url)} failed: ${error instanceof Error ? error.name : typeof error}`,
      );
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.host, options.port) : error),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  let closing: Promise<void> | undefined;
  return {
    server,
    serve(next) {
      handler = next;
    },
    setPhase(next) {
      phase = next;
    },
    close(graceMs = 5000) {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/** The port the server listens on (the real one when it was started on port 0). */
export function listeningPort(studio: StudioServer): number {
  return (studio.server.address() as AddressInfo).port;
}
