// SensitiveValues: what a call has seen that is sensitive, and the masking of text and values that leave the engine.

import { describe, expect, it } from 'vitest';
import { SensitiveValues } from '../../../flow-engine/compile/sensitive-values';

describe('SensitiveValues', () => {
  it('masks nothing until something sensitive is added', () => {
    const sensitive = new SensitiveValues();
    expect(sensitive.empty).toBe(true);
    expect(sensitive.mask('card 4111111111111111')).toBe('card 4111111111111111');
  });

  it('masks a sensitive value wherever it shows, and long stretches of its digits', () => {
    const sensitive = new SensitiveValues();
    sensitive.add('4539578763621486');
    expect(sensitive.mask('POST /pay?pan=4539578763621486 failed')).toBe('POST /pay?pan=•••• failed');
    expect(sensitive.mask('read as 4539 5787 6362 1486.')).toBe('read as ••••.');
    expect(sensitive.mask('4539-5787-6362-1486')).toBe('••••');
    expect(sensitive.mask('first 453957 then 8763621486, ref 12 4539578')).toBe('first •••• then ••••, ref 12 ••••');
    // A CRM's own last four is not a stretch of six: it stays readable.
    expect(sensitive.mask('card ending 1486')).toBe('card ending 1486');
  });

  it('adds every text and number inside lists and maps', () => {
    const sensitive = new SensitiveValues();
    sensitive.add({ pan: '4539578763621486', cvv: 737, nested: ['PIN 908172'] });
    expect(sensitive.mask('cvv 737, PIN 908172')).toBe('cvv ••••, ••••');
    expect(sensitive.maskValue({ a: ['x 737'], b: 737, c: 'ok' })).toEqual({ a: ['x ••••'], b: '••••', c: 'ok' });
  });

  it('short words computed from sensitive data are not searched for, long texts are', () => {
    const sensitive = new SensitiveValues();
    sensitive.add('yes');
    sensitive.add('Zhang Wei-Ming');
    expect(sensitive.mask('Say yes, Zhang Wei-Ming')).toBe('Say yes, ••••');
  });
});
