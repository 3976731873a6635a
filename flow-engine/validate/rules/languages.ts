// Rules default-language, unknown-language, missing-prompt-language and undeclared-prompt-language.

import type { Prompt } from '../../nodes/shared-config';
import type { FlowContext, NodeEntry, SemanticRule } from '../flow-context';
import { describeTokens } from '../describe-path';
import { tokensOf } from '../json-pointer';

type Rendering = { kind: 'text' | 'audio file'; path: string; map: Record<string, string> };

/** The per-language maps of a prompt, with their paths relative to the node. */
function renderings(base: string, prompt: Prompt): Rendering[] {
  const one = (path: string, part: { tts?: Record<string, string>; audio?: Record<string, string> }): Rendering[] =>
    part.tts ? [{ kind: 'text', path: `${path}/tts`, map: part.tts }] : part.audio ? [{ kind: 'audio file', path: `${path}/audio`, map: part.audio }] : [];
  if ('parts' in prompt) return prompt.parts.flatMap((part, i) => ('sayAs' in part ? [] : one(`${base}/parts/${i}`, part)));
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
          message: `Node "${entry.id}": ${where()} has no ${r.kind} for ${missing.join(', ')}; add one for every language of the flow.`,
        });
      }
      for (const lang of Object.keys(r.map)) {
        if (declared.has(lang)) continue;
        ctx.report.warning({
          rule: 'undeclared-prompt-language',
          path: `${entry.path}${r.path}/${lang}`,
          nodeId: entry.id,
          message: `Node "${entry.id}": ${where()} has a ${r.kind} for ${lang}, which is not one of the flow's languages (${ctx.languages.join(', ')}).`,
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
      message: `The default language "${defaultLanguage}" is not one of the flow's languages (${ctx.languages.join(', ')}).`,
    });
  }
  if (ctx.languages.length === 0) return;
  for (const entry of ctx.nodes) {
    checkPrompts(ctx, entry, declared);
    const language = entry.node.type === 'set' ? (entry.parsed?.config as { language?: string } | undefined)?.language : undefined;
    if (language !== undefined && !declared.has(language)) {
      ctx.report.error({
        rule: 'unknown-language',
        path: `${entry.path}/config/language`,
        nodeId: entry.id,
        message: `Node "${entry.id}" switches to language "${language}", which is not one of the flow's languages (${ctx.languages.join(', ')}).`,
      });
    }
  }
  for (const { value: test, path } of ctx.tests) {
    const language = test.call?.language;
    if (language === undefined || declared.has(language)) continue;
    ctx.report.error({
      rule: 'unknown-language',
      path: `${path}/call/language`,
      message: `Test "${test.name}" calls in language "${language}", which is not one of the flow's languages (${ctx.languages.join(', ')}).`,
    });
  }
};
