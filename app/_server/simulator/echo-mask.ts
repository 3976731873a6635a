// Masks what a service echoes back of an integration's secret and configured header values before the simulator's
// answer reaches a tester: each value raw, in any letter case, reversed, URL-encoded, hex and base64 (standard and
// url-safe, at every byte alignment so that the value is found inside a longer encoded text too); a scheme's
// credential ("Bearer <token>", "Basic <user:password>") is searched on its own as well. Masking cannot find every
// transformation a service could apply, so it is defence in depth: call-integration also limits what a tester can
// make the server send (the node's own request, to the integration's own origin) and records each call.

import 'server-only';
import { MASK } from '../../../flow-engine/compile';

/** Shorter values ("1", "en", "yes") are not searched: masking them would blank every answer and hide nothing. */
const MIN_VALUE_LENGTH = 4;
/** An encoded form this short (a few base64 characters) would match by chance in ordinary text. */
const MIN_ENCODED_LENGTH = 6;

/** Lower case without changing the length, so that positions found in the folded text are positions in the text. */
function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const char of text) {
    const folded = char.toLowerCase();
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

/**
 * The base64 characters that depend only on `bytes` when they start `offset` bytes into a longer text (0, 1 or 2):
 * the characters shared with the filler before and the unknown bytes after are left out.
 */
function base64Core(bytes: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes])
    .toString('base64')
    .replace(/=+$/, '');
  const skip = [0, 2, 3][offset]!;
  const partialTail = (offset + bytes.length) % 3 === 0 ? 0 : 1;
  return encoded.slice(skip, encoded.length - partialTail);
}

/** The parts of a header value worth searching: the whole value and a scheme's credential ("Basic" decoded). */
function partsOf(value: string): string[] {
  const parts = [value];
  const scheme = /^([A-Za-z][A-Za-z0-9._~+-]*)\s+(\S.*)$/.exec(value);
  if (scheme) {
    const credential = scheme[2]!;
    parts.push(credential);
    if (scheme[1]!.toLowerCase() === 'basic' && /^[A-Za-z0-9+/]+={0,2}$/.test(credential)) {
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      parts.push(decoded);
      const colon = decoded.indexOf(':');
      if (colon >= 0) parts.push(decoded.slice(colon + 1));
    }
  }
  return parts;
}

/** Every form of `part` searched for, before folding. */
function encodingsOf(part: string): string[] {
  const bytes = Buffer.from(part, 'utf8');
  const encoded = [encodeURIComponent(part), encodeURIComponent(part).replace(/%20/g, '+'), bytes.toString('hex')];
  for (const offset of [0, 1, 2]) {
    const core = base64Core(bytes, offset);
    encoded.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [part, [...part].reverse().join(''), ...encoded.filter((form) => form.length >= MIN_ENCODED_LENGTH)];
}

/**
 * The values of one integration call that a tester must not read back.
 * @example
 * const echoes = new EchoMask(['Bearer s3cret-token']);
 * echoes.mask('seen: QmVhcmVyIHMzY3JldC10b2tlbg=='); // 'seen: ••••=='
 */
export class EchoMask {
  /** Folded, longest first (a value containing another is masked whole). */
  readonly #needles: string[];

  constructor(values: Iterable<string>) {
    const needles = new Set<string>();
    for (const value of values) {
      for (const part of partsOf(value.trim())) {
        if (part.trim().length < MIN_VALUE_LENGTH) continue;
        for (const form of encodingsOf(part)) needles.add(fold(form));
      }
    }
    this.#needles = [...needles].sort((a, b) => b.length - a.length);
  }

  /** The text with every occurrence of any form of the values replaced by the mask (overlapping ones as one). */
  mask(text: string): string {
    if (this.#needles.length === 0 || text === '') return text;
    const folded = fold(text);
    const ranges: [number, number][] = [];
    for (const needle of this.#needles) {
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1))
        ranges.push([at, at + needle.length]);
    }
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    let done = 0;
    for (const [start, end] of ranges) {
      if (end <= done) continue;
      if (start >= done) out += text.slice(done, start) + MASK;
      done = end;
    }
    return out + text.slice(done);
  }

  /** A copy of a JSON-like value with every text in it masked, keys included. */
  maskValue(value: unknown): unknown {
    if (typeof value === 'string') return this.mask(value);
    // A numeric value echoed as a JSON number.
    if (typeof value === 'number') return this.mask(String(value)) === String(value) ? value : MASK;
    if (Array.isArray(value)) return value.map((item) => this.maskValue(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.mask(key), this.maskValue(item)]));
    }
    return value;
  }
}
