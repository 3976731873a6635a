// Prompt language markers: which flow languages a prompt still lacks, and switching prompt modes without losing text.

import { describe, expect, it } from 'vitest';
import type { Prompt } from '../../../../flow-engine/nodes/shared-config';
import {
  convertPrompt,
  extraLanguages,
  missingLanguages,
  promptMode,
} from '../../../../app/_components/form-kit/prompt/prompt-languages';

const languages = ['zh-CN', 'en-US'];

describe('missingLanguages', () => {
  it('marks a language without TTS text', () => {
    expect(missingLanguages({ tts: { 'zh-CN': '您好' } }, languages)).toEqual(['en-US']);
  });

  it('counts blank text as missing', () => {
    expect(missingLanguages({ tts: { 'zh-CN': '您好', 'en-US': '   ' } }, languages)).toEqual(['en-US']);
  });

  it('marks nothing when every language has a recording', () => {
    expect(missingLanguages({ audio: { 'zh-CN': 'welcome-zh', 'en-US': 'welcome-en' } }, languages)).toEqual([]);
  });

  it('marks a language that any text part lacks, ignoring say-as parts, in the flow order', () => {
    const prompt: Prompt = {
      parts: [
        { tts: { 'en-US': 'Your order' } },
        { sayAs: 'digits' as const, value: '{{orderId}}' },
        { tts: { 'zh-CN': '已发货', 'en-US': 'has shipped' } },
      ],
    };
    expect(missingLanguages(prompt, languages)).toEqual(['zh-CN']);
  });

  it('marks every language of an absent prompt', () => {
    expect(missingLanguages(undefined, languages)).toEqual(languages);
  });

  it('finds text in a language the flow no longer has', () => {
    expect(extraLanguages({ 'zh-CN': 'a', 'ja-JP': 'b' }, languages)).toEqual(['ja-JP']);
  });
});

describe('convertPrompt', () => {
  it('wraps TTS as the first part and unwraps it again', () => {
    const tts = { tts: { 'zh-CN': '您好' } };
    const parts = convertPrompt(tts, 'parts');
    expect(parts).toEqual({ parts: [tts] });
    expect(promptMode(parts)).toBe('parts');
    expect(convertPrompt(parts, 'tts')).toEqual(tts);
  });

  it('keeps the first part of the wanted kind when leaving parts', () => {
    const prompt: Prompt = { parts: [{ sayAs: 'number' as const, value: '{{n}}' }, { audio: { 'en-US': 'beep' } }] };
    expect(convertPrompt(prompt, 'audio')).toEqual({ audio: { 'en-US': 'beep' } });
    expect(convertPrompt(prompt, 'tts')).toEqual({ tts: {} });
  });

  it('starts empty between TTS and audio, since a text is not a file', () => {
    expect(convertPrompt({ tts: { 'en-US': 'Hello' } }, 'audio')).toEqual({ audio: {} });
  });

  it('returns the same prompt for the same mode', () => {
    const prompt = { audio: { 'en-US': 'x' } };
    expect(convertPrompt(prompt, 'audio')).toBe(prompt);
  });
});
