// Which flow languages a prompt still lacks, and switching a prompt between TTS, audio and parts keeping what it can.

import type { Prompt, PromptPart } from '../../../../flow-engine/nodes/shared-config';

export type PromptMode = 'tts' | 'audio' | 'parts';

export function promptMode(prompt: Prompt | undefined): PromptMode {
  if (!prompt) return 'tts';
  return 'parts' in prompt ? 'parts' : 'audio' in prompt ? 'audio' : 'tts';
}

type Rendering = Record<string, string>;

/** The per-language maps a caller may hear; say-as parts speak a value and need no translation. */
function renderings(prompt: Prompt): Rendering[] {
  const one = (part: PromptPart | Prompt): Rendering[] =>
    'tts' in part ? [part.tts] : 'audio' in part ? [part.audio] : [];
  return 'parts' in prompt ? prompt.parts.flatMap(one) : one(prompt);
}

const present = (map: Rendering, lang: string) => Object.hasOwn(map, lang) && (map[lang] ?? '').trim() !== '';

/**
 * The flow languages some rendering of the prompt lacks (the same rule validation reports), in the flow's order.
 * @example missingLanguages({ tts: { 'zh-CN': '您好' } }, ['zh-CN', 'en-US']) // ['en-US']
 */
export function missingLanguages(prompt: Prompt | undefined, languages: readonly string[]): string[] {
  if (!prompt) return [...languages];
  const maps = renderings(prompt);
  return languages.filter((lang) => maps.some((map) => !present(map, lang)));
}

/** Languages of one per-language map that the flow lacks (text left over after a language was removed). */
export function extraLanguages(map: Rendering, languages: readonly string[]): string[] {
  return Object.keys(map).filter((lang) => !languages.includes(lang));
}

/**
 * The prompt in another mode, keeping what fits: TTS or audio → parts wraps it as the first part; parts → TTS or
 * audio keeps the first part of that kind; TTS ⇄ audio starts empty (a text is not a file name).
 */
export function convertPrompt(prompt: Prompt | undefined, mode: PromptMode): Prompt {
  const current = promptMode(prompt);
  if (prompt && current === mode) return prompt;
  if (mode === 'parts') return { parts: prompt ? ('parts' in prompt ? prompt.parts : [prompt]) : [{ tts: {} }] };
  if (prompt && 'parts' in prompt) {
    const first = prompt.parts.find((part) => mode in part);
    if (first) return first as Prompt;
  }
  return mode === 'tts' ? { tts: {} } : { audio: {} };
}

/**
 * An audio prompt or part with its fallback texts, leaving `fallbackTts` out when no language has one.
 * @example audioWithFallback({ 'zh-CN': 'welcome' }, {}) // { audio: { 'zh-CN': 'welcome' } }
 */
export function audioWithFallback(
  audio: Record<string, string>,
  fallbackTts: Record<string, string> | undefined,
): Extract<PromptPart, { audio: unknown }> {
  return fallbackTts && Object.keys(fallbackTts).length > 0 ? { audio, fallbackTts } : { audio };
}
