// Every prompt of a node, as what the caller hears in each language, so two versions can be compared per language.

import { appendPointer } from './json-pointer';

/** What one prompt says in one language. */
export interface PromptRendering {
  /** `tts`: text read out; `audio`: a recording; `parts`: a sequence (text, recordings, say-as values). */
  kind: 'tts' | 'audio' | 'parts';
  /** The text, the audio file, or the parts joined, e.g. `Your balance is [currency {{amount}}] [audio: thanks.wav]`. */
  text: string;
}

type PromptLike = { tts?: unknown; audio?: unknown; parts?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isTextMap = (value: unknown): value is Record<string, string> =>
  isRecord(value) && Object.values(value).every((v) => typeof v === 'string');

/** A prompt is an object with exactly one of `tts` / `audio` (language → text) or `parts` (a list); audio may add `fallbackTts`. */
function isPrompt(value: unknown): value is PromptLike {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value).filter(
    (key) => !(key === 'fallbackTts' && 'audio' in value && isTextMap(value.fallbackTts)),
  );
  if (keys.length !== 1) return false;
  if (keys[0] === 'parts') return Array.isArray(value.parts);
  return (keys[0] === 'tts' || keys[0] === 'audio') && isTextMap(value[keys[0]]);
}

function partText(part: unknown, language: string): string | undefined {
  if (!isRecord(part)) return undefined;
  if (isTextMap(part.tts)) return part.tts[language];
  if (isTextMap(part.audio)) return part.audio[language] === undefined ? undefined : `[audio: ${part.audio[language]}]`;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a say-as value is a number, a text or a date text by the flow schema
  if (typeof part.sayAs === 'string') return `[${part.sayAs} ${String(part.value ?? '')}]`;
  return undefined;
}

/** The languages a prompt speaks, each with what it says. */
function renderings(prompt: PromptLike): Map<string, PromptRendering> {
  const out = new Map<string, PromptRendering>();
  if (isTextMap(prompt.tts))
    for (const [lang, text] of Object.entries(prompt.tts)) out.set(lang, { kind: 'tts', text });
  else if (isTextMap(prompt.audio))
    for (const [lang, file] of Object.entries(prompt.audio)) out.set(lang, { kind: 'audio', text: file });
  else if (Array.isArray(prompt.parts)) {
    const languages = new Set<string>();
    for (const part of prompt.parts) {
      if (isRecord(part))
        for (const key of ['tts', 'audio'])
          if (isTextMap(part[key])) Object.keys(part[key]).forEach((l) => languages.add(l));
    }
    for (const lang of languages) {
      const texts = prompt.parts.map((part) => partText(part, lang)).filter((t): t is string => t !== undefined);
      out.set(lang, { kind: 'parts', text: texts.join(' ') });
    }
  }
  return out;
}

/**
 * The prompts found in a node's config, keyed by JSON pointer from the node (`/config/prompt`,
 * `/config/questions/0/prompt`), each mapped to its rendering per language. Iterative: no recursion on user data.
 */
export function promptsOfConfig(config: unknown): Map<string, Map<string, PromptRendering>> {
  const found = new Map<string, Map<string, PromptRendering>>();
  const stack: { path: string; value: unknown }[] = [{ path: '/config', value: config }];
  while (stack.length > 0) {
    const { path, value } = stack.pop()!;
    if (isPrompt(value)) {
      found.set(path, renderings(value));
      continue;
    }
    if (Array.isArray(value)) value.forEach((item, i) => stack.push({ path: appendPointer(path, i), value: item }));
    else if (isRecord(value))
      for (const [key, item] of Object.entries(value)) stack.push({ path: appendPointer(path, key), value: item });
  }
  return found;
}
