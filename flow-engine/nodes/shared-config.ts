// Config pieces that several node types share: prompts, input retry options, resource refs, identifiers.

import * as z from 'zod';
import type { NodeReferences } from '../define-node';

export const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must start with a letter or _ and contain only letters, digits and _');

/** A port name chosen by the admin (condition rules, regions, speech intents). */
export const portName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must start with a letter and contain only letters, digits, _ and -');

export const resourceRef = z.strictObject({ ref: z.string().min(1).max(128) });

/** Text or an audio file per language, e.g. `{ "zh-CN": "您好", "en-US": "Hello" }`. */
export const perLanguage = z.record(z.string().min(2).max(35), z.string().min(1).max(4000));

export const sayAsKinds = ['number', 'digits', 'currency', 'date', 'time'] as const;

/**
 * A recording of the prompt audio library per language (its key), e.g. `{ "zh-CN": "welcome" }`, and what the recording
 * says per language: spoken in that language's TTS voice when the library has no recording of the key in the call's
 * language (plain text, not a template).
 */
const audioPrompt = z.strictObject({ audio: perLanguage, fallbackTts: perLanguage.optional() });

export const promptPart = z.union([
  z.strictObject({ tts: perLanguage }),
  audioPrompt,
  z.strictObject({
    /** How the value is spoken, e.g. `digits` reads 1234 as "one two three four". */
    sayAs: z.enum(sayAsKinds),
    /** A template, e.g. `{{amount}}`. */
    value: z.string().min(1).max(500),
    /** ISO 4217 code for `currency`, e.g. CNY. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  }),
]);

/** What the caller hears: TTS text per language, an audio file per language, or a sequence of parts. */
export const prompt = z.union([
  z.strictObject({ tts: perLanguage }),
  audioPrompt,
  z.strictObject({ parts: z.array(promptPart).min(1).max(50) }),
]);

export type Prompt = z.output<typeof prompt>;
export type PromptPart = z.output<typeof promptPart>;

/** Retry and timeout options shared by every node that waits for caller input. */
export const inputOptions = {
  /** Seconds of silence before an attempt counts as no input. */
  timeoutSeconds: z.number().min(1).max(120).default(5),
  /** Attempts in all (first try included) before leaving by `noInput` / `invalid`. */
  maxAttempts: z.number().int().min(1).max(10).default(3),
  /** Played before the retry after silence. */
  noInputPrompt: prompt.optional(),
  /** Played before the retry after a wrong answer. */
  invalidPrompt: prompt.optional(),
};

/** The templates and prompt of one prompt, for NodeReferences. */
export function promptRefs(path: string, p: Prompt | undefined): Pick<NodeReferences, 'templates' | 'prompts'> {
  if (!p) return { templates: [], prompts: [] };
  const templates: NodeReferences['templates'] = [];
  const collectTexts = (base: string, part: { tts?: Record<string, string> }) => {
    for (const [lang, text] of Object.entries(part.tts ?? {}))
      templates.push({ path: `${base}/tts/${lang}`, source: text });
  };
  if ('parts' in p) {
    p.parts.forEach((part, i) => {
      if ('sayAs' in part) templates.push({ path: `${path}/parts/${i}/value`, source: part.value });
      else if ('tts' in part) collectTexts(`${path}/parts/${i}`, part);
    });
  } else if ('tts' in p) {
    collectTexts(path, p);
  }
  return { templates, prompts: [{ path, prompt: p }] };
}

/** Merge several partial reference lists into one. */
export function mergeRefs(...parts: Partial<NodeReferences>[]): Partial<NodeReferences> {
  const out: NodeReferences = { expressions: [], templates: [], prompts: [], resources: [], writes: [] };
  for (const part of parts) {
    out.expressions.push(...(part.expressions ?? []));
    out.templates.push(...(part.templates ?? []));
    out.prompts.push(...(part.prompts ?? []));
    out.resources.push(...(part.resources ?? []));
    out.writes.push(...(part.writes ?? []));
    if (part.languages) out.languages = [...(out.languages ?? []), ...part.languages];
    if (part.locals) out.locals = [...(out.locals ?? []), ...part.locals];
    if (part.waitsForCaller) out.waitsForCaller = true;
  }
  return out;
}

/** Short text of a prompt for the canvas: the default language's TTS, or the audio file name. */
export function promptSummary(p: Prompt | undefined): string {
  if (!p) return '';
  const first = (m: Record<string, string>) => Object.values(m)[0] ?? '';
  if ('tts' in p) return first(p.tts);
  if ('audio' in p) return first(p.audio);
  return p.parts
    .map((part) => ('tts' in part ? first(part.tts) : 'audio' in part ? first(part.audio) : part.value))
    .join(' ');
}

export function inputPromptRefs(config: { prompt?: Prompt; noInputPrompt?: Prompt; invalidPrompt?: Prompt }) {
  return mergeRefs(
    promptRefs('/config/prompt', config.prompt),
    promptRefs('/config/noInputPrompt', config.noInputPrompt),
    promptRefs('/config/invalidPrompt', config.invalidPrompt),
    { waitsForCaller: true },
  );
}

/** Templates that become a number dialled (a transfer's or a callback's target and caller id), for sensitive-sent-out. */
export const dialTarget = (path: string): boolean =>
  path === '/config/to' || path === '/config/callerId' || path === '/config/number';
