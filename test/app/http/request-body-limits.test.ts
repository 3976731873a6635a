// Over real sockets through the studio's HTTP server with the real route handlers behind it: every request body is
// bounded by its route's limit as it arrives — chunked or with a Content-Length — and answered 413 before a handler
// can buffer it; requests without a session cookie get the smallest limit.

import type http from 'node:http';
import { toNodeHandler } from 'better-auth/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAudioUploadHandler } from '../../../app/_server/audio/audio-http';
import { createAuth, type Auth } from '../../../app/_server/auth/auth';
import { createUserWithPassword } from '../../../app/_server/auth/create-user';
import { createAuthHandler } from '../../../app/_server/http/auth-handler';
import { trustProxyFrom } from '../../../schemas/trust-proxy';
import { reportRouteErrors } from '../../../app/_server/http/report-route-errors';
import { requestBodyLimits } from '../../../app/_server/http/request-body-limits';
import { listenStudioServer, listeningPort, type StudioServer } from '../../../app/_server/http/studio-server';
import { createTrpcHandler } from '../../../app/_server/http/trpc-handler';
import { createHttpContext } from '../../../app/_server/trpc';
import { testSecretKey } from '../helpers/callers';
import { sendStreamed } from '../helpers/streamed-request';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const password = 'a long test password';
const megabyte = 1024 * 1024;

describe.each(testBackends)('request body limits over HTTP on $name', (backend) => {
  let database: TestDatabase;
  let studio: StudioServer;
  let base: string;
  let cookie: string;
  /** Body bytes each route's handler received, to show what got past the server. */
  const received = { auth: 0, trpc: 0, audio: 0 };

  beforeAll(async () => {
    database = await backend.open();
    studio = await listenStudioServer({ host: '127.0.0.1', port: 0, trustProxy: trustProxyFrom(undefined) });
    base = `http://127.0.0.1:${listeningPort(studio)}`;
    const auth: Auth = createAuth({
      db: database.db,
      secret: 'test-secret-that-is-at-least-32-characters',
      baseUrl: base,
      trustedOrigins: [base],
    });
    const context = { db: database.db, auth, trustedOrigins: [base], secretKey: testSecretKey };
    const currentUser = async (headers: Headers) => (await createHttpContext({ ...context, headers })).user;
    // What Next does for each route: a Web Request over the Node request, answered by the route's handler.
    const counted = (route: keyof typeof received, handler: (request: Request) => Promise<Response>) =>
      toNodeHandler(
        reportRouteErrors(route, async (request: Request) => {
          const bytes = request.body ? await request.clone().arrayBuffer() : new ArrayBuffer(0);
          received[route] += bytes.byteLength;
          return handler(request);
        }),
      );
    const routes: Record<string, (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>> = {
      auth: counted('auth', createAuthHandler(auth)),
      trpc: counted('trpc', createTrpcHandler(context)),
      audio: counted('audio', createAudioUploadHandler({ db: database.db, trustedOrigins: [base], currentUser })),
    };
    studio.serve((request, response) => {
      const name = /^\/api\/(\w+)/.exec(request.url ?? '')?.[1] ?? 'auth';
      const route = routes[name];
      if (!route) throw new Error(`no test route for /api/${name}`);
      return route(request, response);
    });
    await createUserWithPassword(database.db, {
      name: 'Dana Designer',
      email: 'dana@example.com',
      password,
      role: 'designer',
    });
    const signedIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'dana@example.com', password }),
    });
    expect(signedIn.status).toBe(200);
    cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => {
    await studio?.close();
    await database?.close();
  });

  it('an anonymous 100 MB chunked body to sign-in is refused with 413 after a few KB, and the handler never reads it', async () => {
    const before = received.auth;
    const answer = await sendStreamed(`${base}/api/auth/sign-in/email`, {
      headers: { 'content-type': 'application/json', origin: base },
      prefix: '{"email":"',
      totalBytes: 100 * megabyte,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request is larger than 16 KB.',
    });
    // The client stops when it is answered: what it wrote is what socket buffers hold, not the 100 MB.
    expect(answer.sentBytes).toBeLessThan(32 * megabyte);
    expect(received.auth - before).toBeLessThanOrEqual(requestBodyLimits.auth);
  });

  it('a declared Content-Length over the limit is refused before any of the body is sent', async () => {
    const answer = await sendStreamed(`${base}/api/auth/sign-in/email`, {
      headers: { 'content-type': 'application/json', origin: base },
      declaredBytes: 300 * megabyte,
      totalBytes: 0,
    });
    expect(answer.status).toBe(413);
    expect(answer.sentBytes).toBe(0);
  });

  it('sign-in still works after the refusals, and a signed-in auth request gets the same few KB', async () => {
    const answer = await sendStreamed(`${base}/api/auth/update-user`, {
      headers: { 'content-type': 'application/json', origin: base, cookie },
      prefix: '{"name":"',
      totalBytes: 64 * 1024,
    });
    expect(answer.status).toBe(413);
    const signedIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'dana@example.com', password }),
    });
    expect(signedIn.status).toBe(200);
  });

  it(`tRPC takes ${requestBodyLimits.trpc / megabyte} MB when signed in (a 3 MB chunked import reaches the procedure) and refuses more with its error shape`, async () => {
    const headers = { 'content-type': 'application/json', origin: base, cookie };
    const fits = await sendStreamed(`${base}/api/trpc/flows.import`, {
      headers,
      prefix: '{"json":"',
      totalBytes: 3 * megabyte,
    });
    // The procedure saw the whole body: it is unfinished JSON, refused by tRPC's parser, not by the size limit.
    expect(fits.status).toBe(400);
    expect(fits.body).not.toContain('PAYLOAD_TOO_LARGE');
    const tooLarge = await sendStreamed(`${base}/api/trpc/flows.import`, {
      headers,
      prefix: '{"json":"',
      totalBytes: 40 * megabyte,
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toEqual({
      error: {
        message: 'The request is larger than 4 MB.',
        code: -32600,
        data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
      },
    });
    expect(tooLarge.sentBytes).toBeLessThan(40 * megabyte);
  });

  it('an anonymous tRPC body gets the anonymous limit', async () => {
    const answer = await sendStreamed(`${base}/api/trpc/flows.create`, {
      headers: { 'content-type': 'application/json', origin: base },
      prefix: '{"name":"',
      totalBytes: 1 * megabyte,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toBe('The request is larger than 16 KB.');
  });

  it('a signed-in chunked audio upload with no Content-Length is cut at the documented 10 MB, not buffered to its end', async () => {
    const before = received.audio;
    const boundary = 'callflowboundary';
    const prefix = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.wav"\r\ncontent-type: audio/wav\r\n\r\n`;
    const answer = await sendStreamed(`${base}/api/audio`, {
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        origin: base,
        'sec-fetch-site': 'same-origin',
        cookie,
      },
      prefix,
      totalBytes: 300 * megabyte,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatchObject({ code: 'tooLarge', params: { max: 10 * megabyte } });
    expect(answer.sentBytes).toBeLessThan(64 * megabyte);
    expect(received.audio - before).toBeLessThanOrEqual(requestBodyLimits.audio);
  });

  it('an anonymous audio upload gets the anonymous limit', async () => {
    const answer = await sendStreamed(`${base}/api/audio`, {
      headers: { 'content-type': 'multipart/form-data; boundary=x', origin: base },
      totalBytes: 1 * megabyte,
    });
    expect(answer.status).toBe(413);
  });
});
