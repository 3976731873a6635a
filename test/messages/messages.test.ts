// The two message files: same keys, top-level keys sorted, valid ICU with the same arguments in both languages.

import { readFileSync } from 'node:fs';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { locales, type Locale } from '../../app/_i18n/locales';

type Messages = { [key: string]: string | Messages };

const load = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Messages;
/** One value per locale; the cast holds because every locale is mapped. */
const byLocale = <T>(make: (locale: Locale) => T): Record<Locale, T> =>
  Object.fromEntries(locales.map((locale) => [locale, make(locale)])) as Record<Locale, T>;

const files = byLocale(load);

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** The argument names a message uses, with their ICU type (plural, number, date, …). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    into.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const flat = byLocale((locale) => flatten(files[locale]));

describe('messages', () => {
  it('every language has exactly the keys of en-US', () => {
    const english = [...flat['en-US'].keys()].sort();
    for (const locale of locales) expect([...flat[locale].keys()].sort(), locale).toEqual(english);
  });

  it('top-level keys are sorted in every file (merges stay small)', () => {
    for (const locale of locales) {
      const keys = Object.keys(files[locale]);
      expect(keys, locale).toEqual([...keys].sort());
    }
  });

  it('every message parses as ICU and uses the same arguments in every language', () => {
    for (const [key, english] of flat['en-US']) {
      const expected = [...argumentsOf(parse(english))].sort();
      for (const locale of locales) {
        const text = flat[locale].get(key) ?? '';
        expect([...argumentsOf(parse(text))].sort(), `${locale} ${key}`).toEqual(expected);
      }
    }
  });

  it('no message is empty, and zh-CN is not an untranslated copy of a sentence', () => {
    for (const [key, english] of flat['en-US']) {
      const chinese = flat['zh-CN'].get(key) ?? '';
      expect(english.trim(), key).not.toBe('');
      expect(chinese.trim(), key).not.toBe('');
      // Names of languages and pure formats ("v{version}") are the same on purpose; sentences are not.
      if (/[a-z]{3,}\s+[a-z]{3,}/i.test(english.replace(/\{[^}]*\}/g, ''))) expect(chinese, key).not.toBe(english);
    }
  });
});
