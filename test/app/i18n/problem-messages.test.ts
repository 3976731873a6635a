// Every validation problem code has a sentence in both studio catalogues, the English one the engine's own text,
// and each translation uses only parameters the engine sends.

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { fieldWords } from '../../../flow-engine/validate/describe-path';
import { problemMessagesEn } from '../../../flow-engine/validate/problem-messages-en';
import en from '../../../messages/en-US.json';
import zh from '../../../messages/zh-CN.json';

const codes = Object.keys(problemMessagesEn).sort();

/** Argument names a message reads, including those inside plural and select branches. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

describe('problem messages', () => {
  it('cover every validate code in both catalogues, and nothing else', () => {
    for (const [name, catalogue] of [
      ['en-US', en.problems],
      ['zh-CN', zh.problems],
    ] as const) {
      const missing = codes.filter((code) => !Object.hasOwn(catalogue, code));
      expect(missing, `${name} lacks problems.<code> for`).toEqual([]);
      expect(Object.keys(catalogue).sort(), `${name} problems`).toEqual(codes);
    }
  });

  it('keep the studio English word for word the engine English the CLI prints', () => {
    for (const code of codes)
      expect(en.problems[code as keyof typeof en.problems], code).toBe(
        problemMessagesEn[code as keyof typeof problemMessagesEn],
      );
  });

  it('parse as ICU messages whose Chinese reads only parameters the English one has', () => {
    for (const code of codes) {
      const english = argumentsOf(parse(problemMessagesEn[code as keyof typeof problemMessagesEn]));
      const chinese = argumentsOf(parse(zh.problems[code as keyof typeof zh.problems]));
      expect(
        [...chinese].filter((name) => !english.has(name)),
        code,
      ).toEqual([]);
    }
  });

  it('are Chinese in the Chinese catalogue (no English sentence left untranslated)', () => {
    const untranslated = codes.filter((code) => {
      const text = zh.problems[code as keyof typeof zh.problems];
      // A message made only of parameters and punctuation (`{node}：{detail}。`) has nothing to translate.
      const words = text.replace(/\{\w+\}/g, '');
      return /[A-Za-z]/.test(words) && !/[\u4e00-\u9fff]/.test(words);
    });
    expect(untranslated).toEqual([]);
  });

  it('tell the same fields in both languages, the English words those the CLI uses', () => {
    expect(Object.keys(zh.problemFields.word).sort()).toEqual(Object.keys(en.problemFields.word).sort());
    expect(Object.keys(zh.problemFields.item).sort()).toEqual(Object.keys(en.problemFields.item).sort());
    for (const [name, words] of Object.entries(en.problemFields.word)) expect(words, name).toBe(fieldWords(name));
  });
});
