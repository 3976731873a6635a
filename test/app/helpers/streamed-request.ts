// Sends a request body over a real socket the way an attacker or a large upload would: chunked (no Content-Length) or
// with a declared length, written until the server answers, so tests see how much the server let in.

import http from 'node:http';

export interface StreamedAnswer {
  status: number;
  body: string;
  /** Body bytes the client managed to write before the server answered or closed the connection. */
  sentBytes: number;
}

export interface StreamedRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Sent first (e.g. the start of a JSON text or a multipart part). */
  prefix?: string;
  /** Total body bytes to send, prefix included; the filler is the letter "a". */
  totalBytes: number;
  /** Send a Content-Length header of this many bytes instead of chunked encoding; when it is more than `totalBytes`, the
   * client stops after `totalBytes` and waits for the answer without ending the body. */
  declaredBytes?: number;
}

/** Writes the body in 64 KB chunks, honouring backpressure, until `totalBytes` are sent or the server answers. */
export function sendStreamed(url: string, options: StreamedRequest): Promise<StreamedAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.declaredBytes !== undefined) headers['content-length'] = String(options.declaredBytes);
    else headers['transfer-encoding'] = 'chunked';
    let sentBytes = 0;
    let answered = false;
    const request = http.request(url, { method: options.method ?? 'POST', headers }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      const finish = () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), sentBytes });
      response.on('end', finish);
      response.on('aborted', finish);
      response.on('error', finish);
    });
    // The server closes the connection after its answer; a write error then is expected.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.flushHeaders();
    const filler = Buffer.alloc(64 * 1024, 'a');
    const write = () => {
      if (sentBytes === 0 && options.prefix) {
        request.write(options.prefix);
        sentBytes += Buffer.byteLength(options.prefix);
      }
      while (!answered && !request.destroyed && sentBytes < options.totalBytes) {
        const chunk = filler.subarray(0, Math.min(filler.length, options.totalBytes - sentBytes));
        sentBytes += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', write);
          return;
        }
      }
      if (!answered && !request.destroyed && sentBytes === (options.declaredBytes ?? sentBytes)) request.end();
    };
    write();
  });
}
