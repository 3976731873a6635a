// Rules default-language, unknown-language, missing-prompt-language and undeclared-prompt-language.

import type { Prompt } from '../../nodes/shared-config';
import type { FlowContext, NodeEntry, SemanticRule } from '../flow-context';
import { describeTokens } from '../describe-path';
import { tokensOf } from '../json-pointer';

type Rendering = { kind: 'text' | 'audio file'; path: string; map: Record<string, string> };

/** The per-language maps of a prompt, with their paths relative to the node. */
function renderings(base: string, prompt: Prompt): Rendering[] {
  const one = (path: string, part: { tts?: Record<string, string>; audio?: Record<string, string> }): Rendering[] =>
    part.tts
      ? [{ kind: 'text', path: `${path}/tts`, map: part.tts }]
      : part.audio
        ? [{ kind: 'audio file', path: `${path}/audio`, map: part.audio }]
        : [];
  if ('parts' in prompt)
    return prompt.parts.flatMap((part, i) => ('sayAs' in part ? [] : one(`${base}/parts/${i}`, part)));
  return one(base, prompt);
}

function checkPrompts(ctx: FlowContext, entry: NodeEntry, declared: ReadonlySet<string>): void {
  for (const { path: promptPath, prompt } of entry.parsed?.refs.prompts ?? []) {
    for (const r of renderings(promptPath, prompt)) {
      const where = () => describeTokens(tokensOf(r.path).slice(0, -1));
      const missing = ctx.languages.filter((lang) => !Object.hasOwn(r.map, lang));
      if (missing.length > 0) {
        ctx.report.error({
          rule: 'missing-prompt-language',
          path: `${entry.path}${r.path}`,
          nodeId: entry.id,
          code: 'missing-prompt-language',
          params: { node: entry.id, field: where(), kind: r.kind === 'text' ? 'text' : 'audio', missing },
        });
      }
      for (const lang of Object.keys(r.map)) {
        if (declared.has(lang)) continue;
        ctx.report.warning({
          rule: 'undeclared-prompt-language',
          path: `${entry.path}${r.path}/${lang}`,
          nodeId: entry.id,
          code: 'undeclared-prompt-language',
          params: {
            node: entry.id,
            field: where(),
            kind: r.kind === 'text' ? 'text' : 'audio',
            language: lang,
            languages: ctx.languages,
          },
        });
      }
    }
  }
}

export const checkLanguages: SemanticRule = (ctx) => {
  const declared = new Set(ctx.languages);
  const defaultLanguage = ctx.doc.defaultLanguage;
  if (typeof defaultLanguage === 'string' && ctx.languages.length > 0 && !declared.has(defaultLanguage)) {
    ctx.report.error({
      rule: 'default-language',
      path: '/defaultLanguage',
      code: 'default-language',
      params: { language: defaultLanguage, languages: ctx.languages },
    });
  }
  if (ctx.languages.length === 0) return;
  for (const entry of ctx.nodes) {
    checkPrompts(ctx, entry, declared);
    for (const { path, language } of entry.parsed?.refs.languages ?? []) {
      if (declared.has(language)) continue;
      ctx.report.error({
        rule: 'unknown-language',
        path: `${entry.path}${path}`,
        nodeId: entry.id,
        code: 'unknown-language',
        params: { node: entry.id, language, languages: ctx.languages },
      });
    }
  }
  for (const { value: test, path } of ctx.tests) {
    const language = test.call?.language;
    if (language === undefined || declared.has(language)) continue;
    ctx.report.error({
      rule: 'unknown-language',
      path: `${path}/call/language`,
      code: 'unknown-language-test',
      params: { test: test.name, language, languages: ctx.languages },
    });
  }
};
