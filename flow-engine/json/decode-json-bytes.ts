// decodeJsonBytes(): bytes of a JSON file to text, refusing anything but UTF-8 and naming what it looks like instead.

import { JsonTextError, type TextPosition } from './json-text-error';

const saveAsUtf8 = 'save it as UTF-8 (JSON files must be UTF-8)';

/** UTF-16/32 by byte-order mark, or by the NUL pattern of JSON's leading ASCII characters (RFC 4627 §3). */
function wideEncoding(b: Uint8Array): string | null {
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff)
    return 'UTF-32 (big-endian, with a byte-order mark)';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00)
    return 'UTF-32 (little-endian, with a byte-order mark)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (big-endian, with a byte-order mark)';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 (little-endian, with a byte-order mark)';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0) return 'UTF-32 (big-endian)';
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'UTF-32 (little-endian)';
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return 'UTF-16 (big-endian)';
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return 'UTF-16 (little-endian)';
  return null;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF), or -1. */
export function firstNonUtf8Byte(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!; // i < b.length
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const min = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    if (c === 0xed) max = 0x9f;
    if (c === 0xf4) max = 0x8f;
    for (let k = 1; k <= need; k++) {
      const next = b[i + k];
      if (next === undefined || next < (k === 1 ? min : 0x80) || next > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** True when every byte ≥ 0x80 pairs up as a GBK/GB18030 two-byte character (lead 81–FE, trail 40–FE but not 7F). */
function looksLikeGbk(b: Uint8Array): boolean {
  let pairs = 0;
  for (let i = 0; i < b.length; i++) {
    const lead = b[i]!; // i < b.length
    if (lead < 0x80) continue;
    const trail = b[i + 1];
    if (lead === 0x80 || lead === 0xff || trail === undefined || trail < 0x40 || trail === 0x7f || trail === 0xff)
      return false;
    pairs++;
    i++;
  }
  return pairs > 0;
}

function positionOfByte(b: Uint8Array, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // The bytes before the bad one on its line are valid UTF-8, so decoding them counts the columns.
  return { line, column: new TextDecoder().decode(b.subarray(lineStart, offset)).length + 1 };
}

/**
 * Decode a JSON file's bytes. UTF-8 is accepted (a leading byte-order mark is dropped); anything else is
 * refused with the encoding it appears to be in, rather than silently turned into U+FFFD.
 * @throws JsonTextError with problem `encoding`
 * @example
 * decodeJsonBytes(new TextEncoder().encode('{"a": "é"}')); // '{"a": "é"}'
 * decodeJsonBytes(Uint8Array.of(0x7b, 0x22, 0xe9, 0x22, 0x7d));
 * // throws: the file is not UTF-8: it looks like Latin-1 (ISO-8859-1) or Windows-1252 — the byte 0xE9 … at line 1, column 3
 */
export function decodeJsonBytes(bytes: Uint8Array): string {
  const wide = wideEncoding(bytes);
  if (wide) throw new JsonTextError('encoding', `the file is ${wide}, not UTF-8; ${saveAsUtf8}`);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const bad = firstNonUtf8Byte(body);
  if (bad === -1) return new TextDecoder('utf-8').decode(body);
  const guess = looksLikeGbk(body) ? 'GBK / GB18030' : 'Latin-1 (ISO-8859-1) or Windows-1252';
  // firstNonUtf8Byte returned an offset inside body.
  const byte = body[bad]!.toString(16).toUpperCase().padStart(2, '0');
  throw new JsonTextError(
    'encoding',
    `the file is not UTF-8: it looks like ${guess} (the byte 0x${byte} is not valid UTF-8); ${saveAsUtf8}`,
    positionOfByte(body, bad),
  );
}
