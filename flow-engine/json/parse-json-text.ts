// parseJsonText(): the one JSON reader of the CLI and the studio server — size and depth limits, line:column errors.

import { findJsonFault } from './find-json-fault';
import { JsonTextError, lineColumnAt } from './json-text-error';

/** Limits every JSON text is read under. */
export interface JsonLimits {
  /** Most containers (objects/arrays) open at once; a flow document needs about 12. */
  maxDepth: number;
  /** Most UTF-16 code units of text. */
  maxLength: number;
}

/**
 * Defaults: deep enough for any flow, resources or mocks file with room to spare, shallow enough that
 * everything downstream (validation, JSON.stringify, printing) can walk the value recursively.
 */
export const defaultJsonLimits: JsonLimits = { maxDepth: 100, maxLength: 16 * 1024 * 1024 };

/** The offset of the first bracket that opens container number `maxDepth + 1`, or -1. Strings are skipped. */
function tooDeepAt(text: string, maxDepth: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      // Skip the string, honouring escapes; an unterminated string ends the scan (JSON.parse reports it).
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return -1;
}

function describeFound(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  return JSON.stringify(String.fromCodePoint(text.codePointAt(offset)!));
}

/**
 * JSON.parse under limits, with errors a person can act on. A leading byte-order mark is ignored (and not counted in columns).
 * @throws JsonTextError — `size` when longer than `maxLength`, `depth` when nested deeper than `maxDepth`
 *   (at the bracket that goes too deep), `syntax` with what was expected and found, and where.
 * @example
 * parseJsonText('{"a": [1, 2]}');        // { a: [1, 2] }
 * parseJsonText('{\n  "a": 1,\n}');      // throws: expected a property name in double quotes but found "}" at line 3, column 1
 * parseJsonText('['.repeat(10_000));     // throws: nested more than 100 levels deep at line 1, column 101
 */
export function parseJsonText(text: string, limits: Partial<JsonLimits> = {}): unknown {
  const { maxDepth, maxLength } = { ...defaultJsonLimits, ...limits };
  if (text.length > maxLength) {
    throw new JsonTextError(
      'size',
      `the text has ${text.length.toLocaleString('en-US')} characters; at most ${maxLength.toLocaleString('en-US')} are read`,
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = tooDeepAt(body, maxDepth);
  if (deep !== -1) {
    throw new JsonTextError('depth', `the data is nested more than ${maxDepth} levels deep`, lineColumnAt(body, deep));
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const fault = findJsonFault(body) ?? { offset: 0, expected: 'valid JSON' };
    const found = describeFound(body, fault.offset);
    throw new JsonTextError(
      'syntax',
      `expected ${fault.expected} but found ${found}`,
      lineColumnAt(body, fault.offset),
      { expected: fault.expected, found },
    );
  }
}
