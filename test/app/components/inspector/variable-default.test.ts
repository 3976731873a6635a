// Variable defaults typed in the variables panel: read as the declared type, refused when they do not fit.

import { describe, expect, it } from 'vitest';
import { defaultText, parseDefault, withDefault } from '../../../../app/_components/inspector/variable-default';
import { plainConfig } from '../../../../app/_components/form-kit/plain-config';

describe('parseDefault', () => {
  it('reads each type', () => {
    expect(parseDefault('abc', 'string')).toEqual({ value: 'abc' });
    expect(parseDefault(' 2.5 ', 'number')).toEqual({ value: 2.5 });
    expect(parseDefault('false', 'boolean')).toEqual({ value: false });
    expect(parseDefault('{"tier":"vip"}', 'object')).toEqual({ value: { tier: 'vip' } });
  });

  it('reads an empty text as no default', () => {
    expect(parseDefault('', 'number')).toEqual({ value: undefined });
  });

  it('refuses text that does not fit the type, naming the type', () => {
    expect(parseDefault('three', 'number')).toEqual({ error: 'number' });
    expect(parseDefault('yes', 'boolean')).toEqual({ error: 'boolean' });
    expect(parseDefault('"just text"', 'object')).toEqual({ error: 'object' });
    expect(parseDefault('{broken', 'object')).toEqual({ error: 'object' });
  });
});

describe('withDefault', () => {
  it('sets a fitting default and leaves out one that does not fit', () => {
    expect(withDefault({ name: 'n', type: 'number' }, '4')).toEqual({ name: 'n', type: 'number', default: 4 });
    expect(withDefault({ name: 'n', type: 'number' }, 'four')).toEqual({ name: 'n', type: 'number' });
  });

  it('round-trips through the text the panel shows', () => {
    for (const [value, type] of [
      [{ a: [1] }, 'object'],
      [7, 'number'],
      [true, 'boolean'],
      ['hi', 'string'],
    ] as const) {
      expect(parseDefault(defaultText(value), type)).toEqual({ value });
    }
  });
});

describe('plainConfig', () => {
  it('drops undefined fields at any depth, keeps empty texts and array positions', () => {
    expect(plainConfig({ a: '', b: undefined, c: [1, undefined, { d: undefined, e: 0 }], f: null })).toEqual({
      a: '',
      c: [1, null, { e: 0 }],
      f: null,
    });
  });
});
