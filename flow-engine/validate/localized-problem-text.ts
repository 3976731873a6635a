// Renders a validation issue in a reader's language from its code and parameters (the studio's and the CLI's `problems`
// catalogues), naming nodes by label and fixed ports by their translated names; the English sentence is the fallback.

import { describeTokensIn, type FieldVocabulary } from './describe-path';
import { tokensOf } from './json-pointer';
import type { ProblemParam } from './problem-format';
import { nodeProblemParams } from './problem-params';

/** The fields of an issue the renderer reads (an API issue may lack code and params when it comes from elsewhere). */
export interface RenderableIssue {
  code?: string;
  params?: Record<string, ProblemParam>;
  message: string;
  /** JSON pointer of the problem; a `field` parameter is retold in the UI language from it. */
  path?: string;
}

export interface ProblemTextDeps {
  /** `t` and `t.has` of the `problems` namespace. */
  t: ((key: string, values: Record<string, string | number>) => string) & { has(key: string): boolean };
  /** The name a reader sees for a node id (see nodeNamer). */
  nodeName(id: string): string;
  /** The translated name of a fixed port (`noInput` → 无输入), or undefined for a port the admin named. */
  portName(port: string): string | undefined;
  /** Joins list parameters: ', ' in English, '、' in Chinese. */
  listSeparator: string;
  /** Quotes a node name inside a list of nodes. */
  quote(name: string): string;
  /** Field words in the UI language (see problemFields in the messages). */
  fields: FieldVocabulary;
  /** A node type's name in the UI language (`transfer` → 转接). */
  typeName(type: string): string;
}

/** Codes whose `type` parameter is a node type (in variable-default-type it is a variable's type). */
const nodeTypeCodes = new Set(['unknown-port-no-exits', 'test-unknown-mock-type']);

/** Trailing path tokens that are not part of the `field` the engine names (a prompt's text map and language). */
const fieldTail: Record<string, number> = {
  'missing-prompt-language': 1,
  'undeclared-prompt-language': 2,
  'missing-recording': 2,
};

/** The field of a node problem in the UI language, from the path below the node (`/nodes/3/config/options/0/key`). */
function localField(issue: RenderableIssue, code: string, vocabulary: FieldVocabulary): string | undefined {
  if (issue.path === undefined || !/^\/nodes\/\d+\//.test(issue.path)) return undefined;
  const tokens = tokensOf(issue.path).slice(2);
  return describeTokensIn(tokens.slice(0, tokens.length - (fieldTail[code] ?? 0)), vocabulary);
}

/** A field vocabulary over the `problemFields` messages (`t` of that namespace), English words as the fallback. */
export function fieldVocabulary(
  t: ((key: string, values?: Record<string, number>) => string) & { has(key: string): boolean },
  locale: string,
  fallback: (name: string) => string,
): FieldVocabulary {
  const zh = locale.startsWith('zh');
  return {
    item: (list, n) => (t.has(`item.${list}`) ? t(`item.${list}`, { n }) : undefined),
    word: (name) => (t.has(`word.${name}`) ? t(`word.${name}`) : fallback(name)),
    quote: (key) => (zh ? `“${key}”` : `"${key}"`),
    // Chinese: 规则 1的条件, and a quoted key follows its field directly (文本“zh-CN”).
    join: (parts) =>
      zh
        ? parts.reduce(
            (out, part) => (out === '' ? part : part.startsWith('“') ? `${out}${part}` : `${out}的${part}`),
            '',
          )
        : parts.join(' '),
  };
}

/** Locale conventions for lists of names in problem sentences. */
export function listStyle(locale: string): Pick<ProblemTextDeps, 'listSeparator' | 'quote'> {
  return locale.startsWith('zh')
    ? { listSeparator: '、', quote: (name) => name }
    : { listSeparator: ', ', quote: (name) => `"${name}"` };
}

/**
 * The issue's sentence in the UI language.
 * @example
 * problemText({ code: 'unreachable-node', params: { node: 'menu_x' }, message: '…' }, deps); // '从开始节点无法到达 主菜单；请连接它或删除它。'
 */
export function problemText(issue: RenderableIssue, deps: ProblemTextDeps): string {
  if (!issue.code || !issue.params || !deps.t.has(issue.code)) return issue.message;
  const named = nodeProblemParams(issue.params, deps.nodeName, deps.listSeparator, deps.quote);
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(named)) {
    // A port named beside its label (`port "noInput" (No input)`) keeps its name; alone it is shown translated.
    if (key === 'port' && typeof value === 'string')
      values[key] = 'portLabel' in issue.params ? value : (deps.portName(value) ?? value);
    else if (key === 'portLabel' && typeof issue.params.port === 'string')
      values[key] = deps.portName(issue.params.port) ?? String(value);
    else if (key === 'ports' && Array.isArray(value))
      values[key] = value.map((p: string) => deps.portName(p) ?? p).join(deps.listSeparator);
    else if (key === 'type' && typeof value === 'string' && nodeTypeCodes.has(issue.code))
      values[key] = deps.typeName(value);
    else if (key === 'field') values[key] = localField(issue, issue.code, deps.fields) ?? String(value);
    else values[key] = Array.isArray(value) ? value.join(deps.listSeparator) : (value as string | number);
  }
  return deps.t(issue.code, values);
}
