// Inspector field errors in the UI's language: zod issues through the error map, the engine's own messages by table.

import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translatedZodResolver, translateEngineMessage } from '../../../../app/_components/form-kit/zod-messages';
import { zodErrorMap, type ZodTranslate } from '../../../../app/_lib/zod-error-map';
import { nodeDefinitions } from '../../../../flow-engine/nodes/index';
import en from '../../../../messages/en-US.json';
import zh from '../../../../messages/zh-CN.json';

const translator = (locale: 'en-US' | 'zh-CN'): ZodTranslate =>
  createTranslator({ locale, messages: locale === 'zh-CN' ? zh : en, namespace: 'zod' }) as unknown as ZodTranslate;

const fieldOptions = { shouldUseNativeValidation: false, fields: {} } as never;

describe('zodErrorMap', () => {
  const messagesOf = (schema: z.ZodType, value: unknown, locale: 'en-US' | 'zh-CN') => {
    const result = schema.safeParse(value, { error: zodErrorMap(translator(locale)) });
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it('writes sizes with their numbers and plurals in each language', () => {
    expect(messagesOf(z.string().min(3), 'ab', 'en-US')).toEqual(['At least 3 characters.']);
    expect(messagesOf(z.string().min(3), 'ab', 'zh-CN')).toEqual(['至少 3 个字符。']);
    expect(messagesOf(z.number().max(10), 11, 'zh-CN')).toEqual(['不能大于 10。']);
    expect(messagesOf(z.array(z.string()).min(1), [], 'en-US')).toEqual(['At least 1 item.']);
    expect(messagesOf(z.number().positive(), 0, 'zh-CN')).toEqual(['须大于 0。']);
  });

  it('tells a missing value from a value of the wrong kind, and lists allowed values', () => {
    expect(messagesOf(z.object({ a: z.string() }), {}, 'zh-CN')).toEqual(['必填。']);
    expect(messagesOf(z.number(), 'x', 'zh-CN')).toEqual(['应为数字。']);
    expect(messagesOf(z.enum(['GET', 'POST']), 'PUT', 'en-US')).toEqual(['Must be one of “GET”, “POST”.']);
    expect(messagesOf(z.string().regex(/^a$/), 'b', 'zh-CN')).toEqual(['格式不正确。']);
  });
});

describe('translatedZodResolver on the engine node schemas', () => {
  it('gives a Chinese admin the collect form errors in Chinese, including the schema’s own rule', async () => {
    const resolve = translatedZodResolver(nodeDefinitions.collect.config, translator('zh-CN'));
    const result = await resolve(
      { variable: 'orderId', minDigits: 13, maxDigits: 12, prompt: { tts: { 'zh-CN': '请输入' } } },
      undefined,
      fieldOptions,
    );
    expect(result.errors.minDigits?.message).toBe('最少位数不能超过最多位数。');
    const tooMany = await resolve(
      { variable: 'orderId', minDigits: 1, maxDigits: 100, prompt: { tts: { 'zh-CN': '请输入' } } },
      undefined,
      fieldOptions,
    );
    expect(tooMany.errors.maxDigits?.message).toMatch(/^不能大于 \d+。$/);
  });

  it('translates nested errors (a menu key in a list) and leaves English in English', async () => {
    const config = { prompt: { tts: { 'en-US': 'Press 1' } }, options: [{ key: '1' }, { key: 'x' }] };
    const zhResult = await translatedZodResolver(nodeDefinitions.menu.config, translator('zh-CN'))(
      config,
      undefined,
      fieldOptions,
    );
    const enResult = await translatedZodResolver(nodeDefinitions.menu.config, translator('en-US'))(
      config,
      undefined,
      fieldOptions,
    );
    const keyMessage = (errors: Record<string, unknown>) =>
      (errors.options as { key?: { message?: string } }[])[1]?.key?.message;
    expect(keyMessage(zhResult.errors)).toBe('须为一个按键：0–9、* 或 #。');
    expect(keyMessage(enResult.errors)).toBe('Must be one key: 0–9, * or #.');
  });

  it('every engine message in the table has a translation in both files, and unknown messages pass through', () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const t = translator(locale);
      for (const message of [
        'minDigits must not exceed maxDigits',
        'min must not exceed max',
        'nextOpen needs a schedule',
        'must be a date YYYY-MM-DD',
      ]) {
        expect(translateEngineMessage(message, t)).not.toBe(message);
      }
      expect(translateEngineMessage('something the engine says', t)).toBe('something the engine says');
    }
  });
});
