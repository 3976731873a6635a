// canonicalJson: stable key order, two-space indent, trailing newline, unicode kept, round-trips.

import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../flow-engine/canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys and ends with a newline', () => {
    expect(canonicalJson({ name: 'Hotline', id: 'hotline', schemaVersion: 1 })).toBe(
      '{\n  "id": "hotline",\n  "name": "Hotline",\n  "schemaVersion": 1\n}\n',
    );
  });

  it('gives the same text whatever order the keys were inserted in', () => {
    const a = { nodes: [{ id: 'n1', type: 'play' }], edges: [], id: 'f' };
    const b = { id: 'f', edges: [], nodes: [{ type: 'play', id: 'n1' }] };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('sorts keys of nested objects inside arrays and keeps array order', () => {
    const value = { edges: [{ target: 'b', source: 'a', port: 'next', id: 'e2' }, { id: 'e1' }] };
    expect(canonicalJson(value)).toBe(
      [
        '{',
        '  "edges": [',
        '    {',
        '      "id": "e2",',
        '      "port": "next",',
        '      "source": "a",',
        '      "target": "b"',
        '    },',
        '    {',
        '      "id": "e1"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('sorts integer-like keys as text, not numerically, so "10" comes before "2"', () => {
    expect(canonicalJson({ 2: 'b', 10: 'a', x: 'c' })).toBe('{\n  "10": "a",\n  "2": "b",\n  "x": "c"\n}\n');
  });

  it('keeps Chinese text and emoji as written and escapes only what JSON requires', () => {
    const text = canonicalJson({ tts: { 'zh-CN': '您好，欢迎致电 😀', 'en-US': 'Say "hi"\n' } });
    expect(text).toBe('{\n  "tts": {\n    "en-US": "Say \\"hi\\"\\n",\n    "zh-CN": "您好，欢迎致电 😀"\n  }\n}\n');
  });

  it('writes empty objects and arrays on one line', () => {
    expect(canonicalJson({ variables: [], config: {} })).toBe('{\n  "config": {},\n  "variables": []\n}\n');
  });

  it('leaves undefined members out of objects and writes null for them in arrays, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, Number.NaN, 1.5] })).toBe(
      '{\n  "b": [\n    null,\n    null,\n    1.5\n  ]\n}\n',
    );
  });

  it('uses toJSON, so dates become ISO strings', () => {
    expect(canonicalJson({ at: new Date('2026-11-23T02:00:00Z') })).toBe('{\n  "at": "2026-11-23T02:00:00.000Z"\n}\n');
  });

  it('round-trips: parsing the text gives back an equal value, and re-serialising gives the same text', () => {
    const flow = {
      schemaVersion: 1,
      name: '零售热线',
      id: 'retail',
      variables: [{ name: 'tier', type: 'string', sensitive: false, default: null }],
      nodes: [{ id: 'start', type: 'start', position: { y: 0, x: -40.5 }, config: {} }],
      edges: [],
    };
    const text = canonicalJson(flow);
    expect(JSON.parse(text)).toEqual(flow);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it('refuses a value with a cycle', () => {
    const node: Record<string, unknown> = { id: 'loop' };
    node.self = node;
    expect(() => canonicalJson(node)).toThrow(new TypeError('canonicalJson: the value contains a cycle'));
  });

  it('accepts the same object twice when it is not its own ancestor', () => {
    const position = { x: 1, y: 2 };
    expect(JSON.parse(canonicalJson([position, position]))).toEqual([position, position]);
  });
});
