// matchRegion: Chinese landlines and mobiles in every input form, longest prefix, country fallback, junk.

import { describe, expect, it } from 'vitest';
import { matchRegion, regionRule, type RegionRule } from '../../../flow-engine/region';

const rules: RegionRule[] = [
  { name: 'beijing', prefixes: ['010'] },
  { name: 'shanghai', prefixes: ['+8621'] },
  // Listed before shenzhen on purpose: the longer 0755 must still win.
  { name: 'south-china', prefixes: ['075'] },
  { name: 'shenzhen', prefixes: ['0755'] },
  { name: 'mobile', prefixes: ['138', '139'] },
  { name: 'hongkong', countries: ['HK'] },
  { name: 'north-america', countries: ['US', 'CA'] },
  { name: 'china-other', countries: ['CN'] },
].map((r) => regionRule.parse(r));

const match = (number: string, defaultCountry = 'CN') => matchRegion(rules, number, defaultCountry);

describe('matchRegion — landlines in every input form', () => {
  it.each([
    '+861012345678',
    '01012345678',
    '010-1234 5678',
    '(010) 1234-5678',
    '+86 10 1234 5678',
    '+86 (0)10 1234 5678',
    '0086 10 1234 5678',
    '00861012345678',
    'tel:+861012345678',
    'sip:+861012345678@pbx.example.com;user=phone',
  ])('reads %s as Beijing', (number) => {
    expect(match(number)).toBe('beijing');
  });

  it.each(['02161234567', '021-6123 4567', '+86 21 6123 4567', '0086-21-6123-4567'])(
    'reads %s as Shanghai, whose prefix is written in international form',
    (number) => {
      expect(match(number)).toBe('shanghai');
    },
  );

  it.each(['075512345678', '0755-1234 5678', '+8675512345678', '008675512345678'])('reads %s as Shenzhen', (number) => {
    expect(match(number)).toBe('shenzhen');
  });
});

describe('matchRegion — prefixes', () => {
  it('gives the longer prefix 0755 precedence over 075 listed earlier in another region', () => {
    expect(match('075512345678')).toBe('shenzhen');
    expect(match('0757 1234 5678')).toBe('south-china'); // Foshan
  });

  it('matches a mobile range written without trunk prefix', () => {
    expect(match('13800138000')).toBe('mobile');
    expect(match('+86 139 0013 9000')).toBe('mobile');
  });

  it('prefers any prefix over the country: other Chinese numbers fall back to the CN region', () => {
    expect(match('13700137000')).toBe('china-other');
    expect(match('020 8123 4567')).toBe('china-other'); // Guangzhou
  });

  it('gives a prefix listed by two regions to the first', () => {
    const twice = [
      regionRule.parse({ name: 'first', prefixes: ['010'] }),
      regionRule.parse({ name: 'second', prefixes: ['+8610'] }),
    ];
    expect(matchRegion(twice, '01012345678', 'CN')).toBe('first');
  });

  it('reads national prefixes in the default country: 020 is London for GB', () => {
    const london = [regionRule.parse({ name: 'london', prefixes: ['020'] })];
    expect(matchRegion(london, '020 7946 0958', 'GB')).toBe('london');
    expect(matchRegion(london, '+44 20 7946 0958', 'CN')).toBeNull(); // in CN, 020 means Guangzhou
  });
});

describe('matchRegion — country fallback', () => {
  it('sends Hong Kong numbers to the region listing HK', () => {
    expect(match('+852 2123 4567')).toBe('hongkong');
    expect(match('00852 2123 4567')).toBe('hongkong');
  });

  it('tells US and Canadian numbers apart under the shared +1 code', () => {
    expect(match('+1 212 555 0123')).toBe('north-america');
    expect(match('+1 416 555 0123')).toBe('north-america');
    const split = [
      regionRule.parse({ name: 'us', countries: ['US'] }),
      regionRule.parse({ name: 'canada', countries: ['CA'] }),
    ];
    expect(matchRegion(split, '+1 416 555 0123', 'CN')).toBe('canada');
    expect(matchRegion(split, '+1 212 555 0123', 'CN')).toBe('us');
  });

  it('gives a country listed by two regions to the first', () => {
    const twice = [
      regionRule.parse({ name: 'asia', countries: ['HK', 'MO'] }),
      regionRule.parse({ name: 'hk-only', countries: ['HK'] }),
    ];
    expect(matchRegion(twice, '+85221234567', 'CN')).toBe('asia');
  });

  it('returns null for a country no region lists', () => {
    expect(match('+44 20 7946 0958')).toBeNull();
  });
});

describe('matchRegion — numbers that cannot be read', () => {
  it.each(['', '   ', 'anonymous', 'Anonymous 1234', 'restricted', 'abc', '123', '+', '++861012345678', '+8610123'])(
    'returns null for %j',
    (number) => {
      expect(match(number)).toBeNull();
    },
  );

  it('reads only international numbers and prefixes when the default country is unknown', () => {
    expect(match('+86 21 6123 4567', 'XX')).toBe('shanghai'); // +8621 is international
    expect(match('+861012345678', 'XX')).toBe('china-other'); // 010 cannot be placed, the country still can
    expect(match('01012345678', 'XX')).toBeNull();
  });
});
