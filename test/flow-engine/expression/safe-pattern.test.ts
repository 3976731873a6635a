// matches() patterns: the ones IVR flows use are accepted, the ones that backtrack without end are refused.

import { describe, expect, it } from 'vitest';
import { unsafePatternReason } from '../../../flow-engine/expression/safe-pattern';

describe('accepted patterns', () => {
  it.each([
    ['six digits', '^[0-9]{6}$'],
    ['a Chinese mobile number', '^1[3-9]\\d{9}$'],
    ['an international prefix', '^\\+86'],
    ['an order id', '^[A-Z]{2}-\\d+$'],
    ['a menu choice', '^(1|2|3)$'],
    ['an optional extension', '^\\d{4}(#\\d{1,5})?$'],
    ['a named group', '^(?<area>\\d{3})-\\d+$'],
  ])('%s: %s', (_case, pattern) => {
    expect(unsafePatternReason(pattern)).toBeNull();
  });
});

describe('refused patterns', () => {
  it('a repeated group that repeats inside is refused', () => {
    expect(unsafePatternReason('^(\\d+)*$')).toBe('it repeats a group that itself repeats or has alternatives');
  });

  it('a repeated group with alternatives is refused', () => {
    expect(unsafePatternReason('^(a|ab)+$')).toBe('it repeats a group that itself repeats or has alternatives');
  });

  it('a repetition nested two groups deep is still found', () => {
    expect(unsafePatternReason('((a+)b)*')).toBe('it repeats a group that itself repeats or has alternatives');
  });

  it('more than two open-ended repetitions are refused', () => {
    expect(unsafePatternReason('a*b*c*')).toBe('it uses more than 2 open-ended repetitions (*, +)');
    expect(unsafePatternReason('a{1,100}b+c*')).toBe('it uses more than 2 open-ended repetitions (*, +)');
  });

  it('a pattern longer than 100 characters is refused', () => {
    expect(unsafePatternReason('a'.repeat(101))).toBe('it is longer than 100 characters');
  });

  it('a quantifier character inside a character class is not a repetition', () => {
    expect(unsafePatternReason('^([*+?])+$')).toBeNull();
  });
});

describe('optional groups', () => {
  it('an optional group may contain repetitions, since it runs at most once', () => {
    expect(unsafePatternReason('^(\\d+-)?\\d{4}$')).toBeNull();
  });

  it('the same group repeated with {2,} is refused', () => {
    expect(unsafePatternReason('^(\\d+-){2,}$')).toBe('it repeats a group that itself repeats or has alternatives');
  });
});
