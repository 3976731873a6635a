// normalizeNumber, countryOfNumber and prefixDigits: the building blocks matchRegion relies on.

import { describe, expect, it } from 'vitest';
import { countryOfNumber, isKnownCountry, normalizeNumber, prefixDigits } from '../../../flow-engine/region';

describe('normalizeNumber', () => {
  it('writes national, spaced, 00-prefixed and URI forms as E.164', () => {
    expect(normalizeNumber('010-1234 5678', 'CN')).toBe('+861012345678');
    expect(normalizeNumber('0086 755 1234 5678', 'CN')).toBe('+8675512345678');
    expect(normalizeNumber('13800138000', 'CN')).toBe('+8613800138000');
    expect(normalizeNumber('sip:+14165550123@carrier.example', 'CN')).toBe('+14165550123');
    expect(normalizeNumber('(020) 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('returns null for anonymous and impossible-length numbers', () => {
    expect(normalizeNumber('anonymous', 'CN')).toBeNull();
    expect(normalizeNumber('12', 'CN')).toBeNull();
  });
});

describe('countryOfNumber', () => {
  it('names the country, including under shared calling codes', () => {
    expect(countryOfNumber('01012345678', 'CN')).toBe('CN');
    expect(countryOfNumber('+852 2123 4567', 'CN')).toBe('HK');
    expect(countryOfNumber('+1 212 555 0123', 'CN')).toBe('US');
    expect(countryOfNumber('+1 416 555 0123', 'CN')).toBe('CA');
    expect(countryOfNumber('+7 727 123 4567', 'CN')).toBe('KZ');
  });

  it('returns null for a number it cannot read', () => {
    expect(countryOfNumber('', 'CN')).toBeNull();
  });
});

describe('prefixDigits', () => {
  it('drops the trunk prefix of national prefixes in the default country', () => {
    expect(prefixDigits('010', 'CN')).toBe('8610');
    expect(prefixDigits('0755', 'CN')).toBe('86755');
    expect(prefixDigits('8495', 'RU')).toBe('7495');
    expect(prefixDigits('020', 'GB')).toBe('4420');
  });

  it('keeps a national prefix without trunk prefix (mobile range) and adds the calling code', () => {
    expect(prefixDigits('138', 'CN')).toBe('86138');
  });

  it('reads international prefixes written with + or the international dialling prefix', () => {
    expect(prefixDigits('+8610', 'CN')).toBe('8610');
    expect(prefixDigits('00852', 'CN')).toBe('852');
    expect(prefixDigits('+8610', 'XX')).toBe('8610');
  });

  it('cannot place a national prefix for an unknown country', () => {
    expect(prefixDigits('010', 'XX')).toBeNull();
    expect(isKnownCountry('XX')).toBe(false);
    expect(isKnownCountry('CN')).toBe(true);
  });
});
