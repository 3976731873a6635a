// Canonical JSON text for flow files: sorted object keys, 2-space indent, trailing newline, so exports diff well in git.

/**
 * Serialise a JSON value canonically: object keys sorted by UTF-16 code unit (as RFC 8785 does),
 * arrays kept in order, two-space indent, a trailing newline. Otherwise it follows `JSON.stringify`:
 * `toJSON()` is honoured, `undefined`/functions/symbols are left out of objects and become `null`
 * in arrays, non-finite numbers become `null`, and non-ASCII text is kept as written (not escaped).
 * Throws a TypeError for cycles and BigInt values, which have no JSON form.
 *
 * Sorting is done here rather than by rebuilding objects for `JSON.stringify`, because JavaScript
 * always enumerates integer-like keys ("2", "10") first, which would make such keys unsortable.
 *
 * @example
 * canonicalJson({ name: 'Hotline', id: 'hotline', languages: ['zh-CN'] });
 * // '{\n  "id": "hotline",\n  "languages": [\n    "zh-CN"\n  ],\n  "name": "Hotline"\n}\n'
 */
export function canonicalJson(value: unknown): string {
  const text = serialise(value, '', new Set<object>());
  if (text === undefined)
    throw new TypeError('canonicalJson: the value has no JSON form (undefined, a function or a symbol)');
  return `${text}\n`;
}

const INDENT = '  ';

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Returns undefined for values that JSON leaves out (undefined, functions, symbols). */
function serialise(input: unknown, indent: string, ancestors: Set<object>): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'string':
      // JSON.stringify of a lone string escapes only what JSON requires, so unicode stays readable.
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: BigInt values have no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.has(object)) throw new TypeError('canonicalJson: the value contains a cycle');
  ancestors.add(object);
  const inner = indent + INDENT;
  let text: string;
  if (Array.isArray(object)) {
    const items = object.map((item: unknown) => serialise(item, inner, ancestors) ?? 'null');
    text = items.length === 0 ? '[]' : `[\n${items.map((item) => inner + item).join(',\n')}\n${indent}]`;
  } else {
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort(compareCodeUnits)) {
      const member = serialise(record[key], inner, ancestors);
      if (member !== undefined) members.push(`${inner}${JSON.stringify(key)}: ${member}`);
    }
    text = members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n${indent}}`;
  }
  ancestors.delete(object);
  return text;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
