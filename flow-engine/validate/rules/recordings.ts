// Rule missing-recording: an audio part whose key the prompt audio library has no recording of in a flow language,
// and that has no fallback text for that language, plays nothing to that language's callers. A warning (the recording
// may be uploaded after publishing, and the runtime picks it up), reported only when the environment knows the library.

import type { PromptPart } from '../../nodes/shared-config';
import { describeTokens } from '../describe-path';
import type { SemanticRule } from '../flow-context';
import { tokensOf } from '../json-pointer';

type AudioPart = Extract<PromptPart, { audio: unknown }>;

/** An absolute path or a URL is played as it is, not looked up in the library. */
const outsideLibrary = (file: string) => file.startsWith('/') || /^[a-z_]+:\/\//.test(file);

export const checkRecordings: SemanticRule = (ctx) => {
  const has = ctx.options.resources?.recording;
  if (!has || ctx.languages.length === 0) return;
  for (const entry of ctx.nodes) {
    for (const { path, prompt } of entry.parsed?.refs.prompts ?? []) {
      const parts: [string, PromptPart][] =
        'parts' in prompt ? prompt.parts.map((part, i) => [`${path}/parts/${i}`, part]) : [[path, prompt]];
      for (const [base, part] of parts) {
        if (!('audio' in part)) continue;
        const audio: AudioPart = part;
        for (const language of ctx.languages) {
          const key = audio.audio[language];
          // A language with no key at all is missing-prompt-language's error.
          if (key === undefined || outsideLibrary(key) || has(key, language) || audio.fallbackTts?.[language]) continue;
          ctx.report.warning({
            rule: 'missing-recording',
            path: `${entry.path}${base}/audio/${language}`,
            nodeId: entry.id,
            code: 'missing-recording',
            params: { node: entry.id, field: describeTokens(tokensOf(base)), key, language },
          });
        }
      }
    }
  }
};
