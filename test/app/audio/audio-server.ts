// The studio's front server (listenStudioServer: the real node:http server `npm start` runs) answering the prompt audio
// routes with the same handlers Next calls, in this process: for the upload concurrency test and `npm run bench:audio`,
// which need real sockets and one event loop shared by the upload and the requests it must not hold up.

import type http from 'node:http';
import { Readable } from 'node:stream';
import {
  createAudioDownloadHandler,
  createAudioUploadHandler,
  type AudioHttpOptions,
} from '../../../app/_server/audio/audio-http';
import { trustProxyFrom } from '../../../schemas/trust-proxy';
import { listenStudioServer, listeningPort } from '../../../app/_server/http/studio-server';

export interface AudioServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  close(): Promise<void>;
}

function toRequest(origin: string, message: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) if (typeof value === 'string') headers.set(name, value);
  const hasBody = message.method !== 'GET' && message.method !== 'HEAD';
  return new Request(`${origin}${message.url ?? '/'}`, {
    method: message.method,
    headers,
    body: hasBody ? (Readable.toWeb(message) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs this to send a streamed body.
    ...(hasBody ? { duplex: 'half' } : {}),
  });
}

async function send(response: Response, out: http.ServerResponse): Promise<void> {
  out.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  out.end();
}

/** POST /api/audio and GET /api/audio/<id> on 127.0.0.1 at a free port. */
export async function startAudioServer(options: Omit<AudioHttpOptions, 'trustedOrigins'>): Promise<AudioServer> {
  const studio = await listenStudioServer({ host: '127.0.0.1', port: 0, trustProxy: trustProxyFrom(undefined) });
  const origin = `http://127.0.0.1:${listeningPort(studio)}`;
  const upload = createAudioUploadHandler({ ...options, trustedOrigins: [origin] });
  const download = createAudioDownloadHandler({ ...options, trustedOrigins: [origin] });
  studio.serve(async (message, out) => {
    const request = toRequest(origin, message);
    const path = new URL(request.url).pathname;
    const id = /^\/api\/audio\/([^/]+)$/.exec(path)?.[1];
    if (request.method === 'POST' && path === '/api/audio') return send(await upload(request), out);
    if (request.method === 'GET' && id) return send(await download(request, id), out);
    out.writeHead(404).end();
  });
  return { origin, close: () => studio.close(1000) };
}

/**
 * A better-auth session cookie for requests to this server: without one the studio's server holds a body to the
 * anonymous limit (16 KB). The handlers here take the user from `x-test-user`, so its value is never checked.
 */
export const sessionCookie = 'better-auth.session_token=test-session';
