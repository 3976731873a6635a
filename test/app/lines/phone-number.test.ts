// Line numbers typed by admins are normalised to one stored form, or refused with a sentence.

import { describe, expect, it } from 'vitest';
import { InvalidLineNumberError, normaliseLineNumber } from '../../../schemas/line-number';

describe('normaliseLineNumber', () => {
  it('strips spaces, dashes, dots and brackets', () => {
    expect(normaliseLineNumber(' +86 (400) 800-1234 ')).toBe('+864008001234');
    expect(normaliseLineNumber('400.800.1234')).toBe('4008001234');
  });

  it('turns an international 00 prefix into +', () => {
    expect(normaliseLineNumber('0044 20 7946 0000')).toBe('+442079460000');
  });

  it('keeps short service numbers such as 12345', () => {
    expect(normaliseLineNumber('12345')).toBe('12345');
  });

  it('refuses letters, too few or too many digits, and +0', () => {
    for (const bad of ['call me', '12', '+1234567890123456', '+0123456', '12#34', '']) {
      expect(() => normaliseLineNumber(bad)).toThrow(InvalidLineNumberError);
    }
    expect(() => normaliseLineNumber('12a')).toThrow(
      '"12a" is not a phone number: use digits, optionally starting with +, e.g. +864008001234 or 12345.',
    );
  });
});
