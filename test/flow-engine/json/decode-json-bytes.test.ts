// decodeJsonBytes: UTF-8 accepted (BOM dropped); UTF-16/32, Latin-1 and GBK refused, naming the encoding.

import { describe, expect, it } from 'vitest';
import { decodeJsonBytes, JsonTextError } from '../../../flow-engine/json';

const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): JsonTextError {
  try {
    decodeJsonBytes(bytes);
  } catch (error) {
    if (error instanceof JsonTextError) return error;
    throw error;
  }
  throw new Error('decoded without an error');
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
  const view = new DataView(new ArrayBuffer(units.length * 2));
  units.forEach((u, i) => view.setUint16(i * 2, u, littleEndian));
  return new Uint8Array(view.buffer);
}

describe('decodeJsonBytes', () => {
  it('decodes UTF-8, Chinese and emoji included, and drops a UTF-8 byte-order mark', () => {
    expect(decodeJsonBytes(utf8('{"zh": "您好", "e": "😀"}'))).toBe('{"zh": "您好", "e": "😀"}');
    expect(decodeJsonBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('[1]')))).toBe('[1]');
  });

  it('UTF-16 with and without a byte-order mark, both byte orders, is named', () => {
    expect(refusal(utf16('{"a": 1}', true, true)).message).toBe(
      'the file is UTF-16 (little-endian, with a byte-order mark), not UTF-8; save it as UTF-8 (JSON files must be UTF-8)',
    );
    expect(refusal(utf16('{"a": 1}', false, true)).reason).toMatch(
      /^the file is UTF-16 \(big-endian, with a byte-order mark\), not UTF-8/,
    );
    expect(refusal(utf16('{"a": 1}', true, false)).reason).toMatch(/^the file is UTF-16 \(little-endian\), not UTF-8/);
    expect(refusal(utf16('{"a": 1}', false, false)).reason).toMatch(/^the file is UTF-16 \(big-endian\), not UTF-8/);
    expect(refusal(Uint8Array.of(0x7b, 0, 0, 0, 0x7d, 0, 0, 0)).reason).toMatch(
      /^the file is UTF-32 \(little-endian\)/,
    );
  });

  it('Latin-1 is refused at the first byte that is not UTF-8, with its line and column', () => {
    const bytes = Uint8Array.of(...utf8('{\n  "name": "caf'), 0xe9, ...utf8('"\n}'));
    const error = refusal(bytes);
    expect(error.problem).toBe('encoding');
    expect(error.position).toEqual({ line: 2, column: 15 });
    expect(error.reason).toBe(
      'the file is not UTF-8: it looks like Latin-1 (ISO-8859-1) or Windows-1252 (the byte 0xE9 is not valid UTF-8); save it as UTF-8 (JSON files must be UTF-8)',
    );
  });

  it('GBK (a Chinese Windows default) is named as such', () => {
    // "您好" in GBK: C4 FA BA C3.
    const error = refusal(Uint8Array.of(...utf8('["'), 0xc4, 0xfa, 0xba, 0xc3, ...utf8('"]')));
    expect(error.reason).toMatch(
      /^the file is not UTF-8: it looks like GBK \/ GB18030 \(the byte 0xC4 is not valid UTF-8\)/,
    );
    expect(error.position).toEqual({ line: 1, column: 3 });
  });

  it('overlong forms, encoded surrogates and a cut-off sequence are not UTF-8', () => {
    expect(refusal(Uint8Array.of(0x5b, 0xc0, 0xaf, 0x5d)).problem).toBe('encoding');
    expect(refusal(Uint8Array.of(0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d)).position).toEqual({ line: 1, column: 3 });
    expect(refusal(Uint8Array.of(0x5b, 0x22, 0xe4, 0xbd)).position).toEqual({ line: 1, column: 3 });
  });
});
