// Money spoken in Chinese (the text the zh TTS voice reads instead of mod_say_zh's dollars), and say-as money values.

import { describe, expect, test } from 'vitest';
import { sayArgs, spokenInstead } from '../../../runtime/driver/say-as';
import { zhMoneyText } from '../../../runtime/driver/zh-money';

describe('zhMoneyText', () => {
  test.each([
    ['12.50', undefined, '十二元五角'],
    ['12.5', undefined, '十二元五角'],
    ['12.05', 'CNY', '十二元零五分'],
    ['12.56', 'CNY', '十二元五角六分'],
    ['12', 'CNY', '十二元'],
    ['12.00', 'CNY', '十二元'],
    ['0.05', 'CNY', '五分'],
    ['0', 'CNY', '零元'],
    ['110', 'CNY', '一百一十元'],
    ['¥1,205.30', 'CNY', '一千二百零五元三角'],
    ['-3.20', 'CNY', '负三元二角'],
    // Decimals past the second are dropped, as mod_say drops them.
    ['9.999', 'CNY', '九元九角九分'],
    ['12.50', 'USD', '十二美元五十美分'],
    ['12.05', 'USD', '十二美元五美分'],
    ['0.5', 'USD', '五十美分'],
    ['100', 'USD', '一百美元'],
    ['12.50', 'EUR', '十二点五欧元'],
    ['3000', 'JPY', '三千日元'],
  ])('%s %s is said %s', (value, currency, said) => {
    expect(zhMoneyText(value, currency)).toBe(said);
  });

  test('a value without a number has no spoken form', () => {
    expect(zhMoneyText('n/a')).toBeUndefined();
    expect(zhMoneyText('.')).toBeUndefined();
  });
});

describe('say-as money', () => {
  test('zh money is spoken as text in its currency; en money and other zh values stay with mod_say', () => {
    expect(spokenInstead('zh-CN', { kind: 'sayAs', as: 'currency', value: '12.50' })).toBe('十二元五角');
    expect(spokenInstead('zh-TW', { kind: 'sayAs', as: 'currency', value: '12.50', currency: 'USD' })).toBe(
      '十二美元五十美分',
    );
    expect(spokenInstead('zh-CN', { kind: 'sayAs', as: 'number', value: '12' })).toBeUndefined();
    expect(spokenInstead('en-US', { kind: 'sayAs', as: 'currency', value: '12.50' })).toBeUndefined();
  });

  test('one decimal is sent as cents: mod_say_en reads `12.5` as twelve dollars and five cents', () => {
    expect(sayArgs('en-US', { kind: 'sayAs', as: 'currency', value: '12.5' }).value).toBe('12.50');
    expect(sayArgs('en-US', { kind: 'sayAs', as: 'currency', value: '12.50' }).value).toBe('12.50');
    expect(sayArgs('en-US', { kind: 'sayAs', as: 'currency', value: '12' }).value).toBe('12');
  });
});
