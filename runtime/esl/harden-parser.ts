// Hardens drachtio-modesl's frame parser in place: malformed input from the socket can close that socket, never the process.

import esl from 'drachtio-modesl';
import type { Parser } from 'drachtio-modesl';
import { recordEvent } from './record-event';

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

/**
 * Header lines `Name: value` (the value may itself contain `: `) to a record; a line without `: ` is skipped. One pass:
 * the next `: ` found is kept until the scan passes it, so lines without one cannot make the search quadratic.
 */
export function parseHeaderBlock(text: string): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  const length = text.length;
  let colon = -1;
  for (let start = 0; start < length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = length;
    if (colon < start) {
      colon = text.indexOf(': ', start);
      if (colon === -1) break;
    }
    if (colon > start && colon < end) headers[text.slice(start, colon)] = safeDecode(text.slice(colon + 2, end));
    start = end + 1;
  }
  return headers;
}

type ParserInternals = Parser & {
  _parseEvent(headers: Record<string, string | number>, body?: string): void;
  /** Bytes received and not yet parsed, in arrival order (joined once a frame is complete, not on every read). */
  _chunks?: Buffer[];
  _size?: number;
  /** How many of those bytes were already searched for the end of a header block. */
  _scanned?: number;
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
  parser._chunks = [];
  parser._size = 0;
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

  // The library's own _parseEvent, rewritten: events keep the parsed header record (record-event.ts);
  // a JSON body that is not an object (`null` made the library throw) and a listener's exception (it escaped into
  // the socket's data handler) become an 'error' on this connection instead.
  proto._parseEvent = function (this: ParserInternals, headers: Record<string, string | number>, body?: string) {
    let fields: Record<string, string | number> | undefined;
    switch (headers['Content-Type']) {
      case 'text/event-json': {
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
        fields = data as Record<string, string | number>;
        if (fields['Content-Length']) fields['Content-Length'] = parseInt(String(fields['Content-Length']), 10);
        break;
      }
      case 'text/event-plain':
        fields = this._parsePlainBody(body ?? '');
        break;
      case 'text/event-xml':
        fields = this._parseXmlBody(body ?? '');
        break;
    }
    const event = fields
      ? recordEvent(fields, headers['Content-Type'] === 'text/event-plain')
      : recordEvent(headers, true, body);
    const reply = event.getHeader('Reply-Text');
    if (reply) {
      const text = String(reply);
      if (text.startsWith('-ERR')) event.addHeader('Modesl-Reply-ERR', text.substring(5));
      else if (text.startsWith('+OK')) event.addHeader('Modesl-Reply-OK', text.substring(4));
    }
    try {
      this.emit('esl::event', event, headers, body);
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
      headers._body = Buffer.from(text.slice(end + 2))
        .subarray(0, length)
        .toString('utf8');
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
    const chunks = (this._chunks ??= []);
    chunks.push(data);
    this._size = (this._size ?? 0) + data.length;
    for (;;) {
      if (this.bodyLen > 0) {
        if (this._size < this.bodyLen) return;
        const buffer = take(this);
        const body = buffer.subarray(0, this.bodyLen).toString('utf8');
        keep(this, buffer.subarray(this.bodyLen));
        this.bodyLen = 0;
        this._parseEvent(this.headers, body);
        continue;
      }
      const end = headerEnd(this);
      if (end === -1) {
        if (this._size > MAX_FRAME_BYTES) fail(this, `a header block longer than ${MAX_FRAME_BYTES} bytes`);
        return;
      }
      const buffer = take(this);
      const headers = this._parseHeaderText(buffer.subarray(0, end).toString('utf8'));
      keep(this, buffer.subarray(end + 2));
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

/** The unparsed bytes as one buffer: joined only when a frame in them is complete. */
function take(parser: ParserInternals): Buffer {
  const chunks = parser._chunks ?? [];
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, parser._size);
}

/** What is left after a frame; none of it has been searched yet. */
function keep(parser: ParserInternals, rest: Buffer): void {
  parser._chunks = rest.length > 0 ? [rest] : [];
  parser._size = rest.length;
  parser._scanned = 0;
}

/**
 * Where the header block ends (`\n\n`) in the unparsed bytes, or -1. Only the newest chunk is new since the last
 * search, so each byte is searched once, plus the one-byte seam with the chunk before.
 */
function headerEnd(parser: ParserInternals): number {
  const chunks = parser._chunks ?? [];
  const size = parser._size ?? 0;
  const last = chunks.at(-1);
  if (!last) return -1;
  const lastStart = size - last.length;
  const scanned = parser._scanned ?? 0;
  parser._scanned = size;
  if (scanned < lastStart) return indexAcross(chunks, size);
  if (scanned > 0 && chunks.length > 1) {
    const before = chunks.at(-2);
    if (before?.at(-1) === 0x0a && last[0] === 0x0a) return lastStart - 1;
  }
  // Within the newest chunk, from one byte before where the last search stopped.
  const at = last.indexOf('\n\n', Math.max(0, scanned - 1 - lastStart));
  return at === -1 ? -1 : lastStart + at;
}

/** Fallback when more than the newest chunk is unsearched (bytes that arrived while a body was awaited). */
function indexAcross(chunks: Buffer[], size: number): number {
  return Buffer.concat(chunks, size).indexOf('\n\n');
}
