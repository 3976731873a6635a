// Hardens drachtio-modesl's frame parser in place: malformed input from the socket can close that socket, never the process.

import esl from 'drachtio-modesl';
import type { Parser } from 'drachtio-modesl';

/** Largest header block or body we accept; FreeSWITCH's biggest frames (CHANNEL_DATA, full events) are a few KB. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** Thrown into the parser's 'error' channel when a peer sends something that is not ESL; the socket is then closed. */
export class EslFrameError extends Error {
  override name = 'EslFrameError';
}

/**
 * `decodeURIComponent` throws URIError on `-ERR 100% bad` or a lone surrogate such as `%ED%A0%BD`; the library
 * calls it on every header inside the socket's data handler, which kills the process. Fall back to the raw text.
 */
export function safeDecode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Header lines `Name: value` (the value may itself contain `: `) to a record; a line without `: ` is skipped. */
export function parseHeaderBlock(text: string): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon <= 0) continue;
    headers[line.slice(0, colon)] = safeDecode(line.slice(colon + 2));
  }
  return headers;
}

type ParserInternals = Parser & {
  _parseEvent(headers: Record<string, string | number>, body?: string): void;
  _parsePlainBody(text: string): Record<string, string | number>;
  _parseXmlBody(text: string): Record<string, string | number>;
  _parseHeaderText(text: string): Record<string, string | number>;
  _onData(data: Buffer): void;
  /** Set once the parser has given up on its socket. */
  _failed?: boolean;
};

function contentLength(raw: string | number | undefined): number | undefined | 'bad' {
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (!/^\d{1,9}$/.test(text)) return 'bad';
  const length = Number(text);
  return length > MAX_FRAME_BYTES ? 'bad' : length;
}

function fail(parser: ParserInternals, message: string): void {
  parser._failed = true;
  parser.buffer = Buffer.alloc(0);
  parser.emit('error', new EslFrameError(message));
  parser.socket.destroy();
}

let hardened = false;

/**
 * Replace the parser's methods once per process. The replacements: a loop instead of recursion (a chunk holding
 * thousands of frames cannot overflow the stack), `Buffer.indexOf` for the header end (split frames stay linear),
 * a bounded buffer and Content-Length, safe header decoding, and no throw from a malformed JSON/XML/plain body.
 */
export function hardenModeslParser(): void {
  if (hardened) return;
  hardened = true;
  const proto = esl.Parser.prototype as ParserInternals;

  proto._parseHeaderText = (text: string) => parseHeaderBlock(text);

  // The library indexes a JSON body without checking it is an object (`null` throws) and lets a listener's
  // exception escape into the socket's data handler; both become an 'error' on this connection instead.
  const parseEvent = proto._parseEvent;
  proto._parseEvent = function (this: ParserInternals, headers: Record<string, string | number>, body?: string) {
    if (headers['Content-Type'] === 'text/event-json') {
      let data: unknown;
      try {
        data = JSON.parse(body ?? '');
      } catch {
        data = undefined;
      }
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        this.emit('error', new EslFrameError('an event-json frame whose body is not a JSON object'));
        return;
      }
    }
    try {
      parseEvent.call(this, headers, body);
    } catch (error) {
      this.emit('error', error instanceof Error ? error : new EslFrameError(String(error)));
    }
  };

  proto._parsePlainBody = function (this: ParserInternals, text: string) {
    const end = text.indexOf('\n\n');
    const headers: Record<string, string | number> = parseHeaderBlock(end === -1 ? text : text.slice(0, end));
    const length = contentLength(headers['Content-Length']);
    if (typeof length === 'number' && end !== -1) {
      headers['Content-Length'] = length;
      headers._body = Buffer.from(text.slice(end + 2)).subarray(0, length).toString('utf8');
    } else delete headers['Content-Length'];
    return headers;
  };

  // xml2js parses synchronously and the library reads `data.headers` even when parsing failed.
  const parseXml = proto._parseXmlBody;
  proto._parseXmlBody = function (this: ParserInternals, text: string) {
    try {
      return parseXml.call(this, text) ?? {};
    } catch (error) {
      this.emit('error', new EslFrameError(`unreadable event-xml body: ${(error as Error).message}`));
      return {};
    }
  };

  proto._onData = function (this: ParserInternals, data: Buffer) {
    if (this._failed) return;
    this.buffer = this.buffer.length === 0 ? data : Buffer.concat([this.buffer, data]);
    for (;;) {
      if (this.bodyLen > 0) {
        if (this.buffer.length < this.bodyLen) return;
        const body = this.buffer.subarray(0, this.bodyLen).toString('utf8');
        this.buffer = this.buffer.subarray(this.bodyLen);
        this.bodyLen = 0;
        this._parseEvent(this.headers, body);
        continue;
      }
      const end = this.buffer.indexOf('\n\n');
      if (end === -1) {
        if (this.buffer.length > MAX_FRAME_BYTES) fail(this, `a header block longer than ${MAX_FRAME_BYTES} bytes`);
        return;
      }
      const headers = this._parseHeaderText(this.buffer.subarray(0, end).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 2);
      const length = contentLength(headers['Content-Length']);
      if (length === 'bad') return fail(this, `a Content-Length that is not a size up to ${MAX_FRAME_BYTES}`);
      if (length !== undefined) headers['Content-Length'] = length;
      this.headers = headers;
      if (length) {
        this.bodyLen = length;
        continue;
      }
      this._parseEvent(headers);
    }
  };
}
