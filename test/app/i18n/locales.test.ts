// Locale choice: the cookie wins; otherwise the best Accept-Language match among en-US and zh-CN.

import { describe, expect, it } from 'vitest';
import { negotiateLocale, resolveLocale } from '../../../app/_i18n/locales';

describe('negotiateLocale', () => {
  it('picks Simplified Chinese for zh, zh-CN, zh-TW and zh-Hans', () => {
    for (const header of ['zh', 'zh-CN', 'zh-TW,zh;q=0.9', 'zh-Hans-CN'])
      expect(negotiateLocale(header), header).toBe('zh-CN');
  });

  it('follows the quality values, not the order', () => {
    expect(negotiateLocale('en;q=0.5,zh-CN;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale('zh-CN;q=0.4,en-GB;q=0.8')).toBe('en-US');
  });

  it('skips languages it does not have and falls back to en-US', () => {
    expect(negotiateLocale('fr-FR,de;q=0.9,zh;q=0.1')).toBe('zh-CN');
    expect(negotiateLocale('fr-FR,de;q=0.9')).toBe('en-US');
    expect(negotiateLocale('')).toBe('en-US');
    expect(negotiateLocale(null)).toBe('en-US');
    expect(negotiateLocale('zh;q=0')).toBe('en-US');
  });
});

describe('resolveLocale', () => {
  it('uses the cookie when it names a known language, else the header', () => {
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(resolveLocale('fr-FR', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale(undefined, 'en')).toBe('en-US');
  });
});
