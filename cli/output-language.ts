// The language of `validate`, `diff` and `simulate` output: English (the engine's own sentences) or zh-CN, told from
// the studio's catalogue (messages/zh-CN.json) so the CLI and the studio say the same thing.

import { englishReviewWords, type ReviewWords } from '../flow-engine/diff';
import { nodeNamer, type NamedNode } from '../flow-engine/node-names';
import { transcriptLineText } from '../flow-engine/simulator/localized-transcript-text';
import type { TranscriptEntry } from '../flow-engine/simulator';
import { describeTokensIn, fieldWords } from '../flow-engine/validate/describe-path';
import {
  fieldVocabulary,
  listStyle,
  problemText,
  type RenderableIssue,
} from '../flow-engine/validate/localized-problem-text';
import { formatProblemText } from '../flow-engine/validate/problem-format';
import enUS from '../messages/en-US.json';
import zhCN from '../messages/zh-CN.json';
import { UsageError } from './errors';

export type OutputLanguage = 'en' | 'zh-CN';

/** `--lang` (or simulate's `--output-lang`): en (default) or zh-CN; anything else is a usage error. */
export function outputLanguage(value: string | undefined, flag: string): OutputLanguage {
  if (value === undefined || value === 'en' || value === 'en-US') return 'en';
  if (value === 'zh-CN') return 'zh-CN';
  throw new UsageError(`${flag} ${value} is not an output language; use en or zh-CN`);
}

type Catalogue = typeof enUS;
type Section = Record<string, unknown>;

/** A `t` over one catalogue section with next-intl's shape (`t.has`), formatting with the engine's ICU subset. */
function translator(section: Section): ((
  key: string,
  values?: Record<string, string | number | readonly string[]>,
) => string) & {
  has(key: string): boolean;
} {
  const lookup = (key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>(
        (at, part) => (typeof at === 'object' && at !== null ? (at as Section)[part] : undefined),
        section,
      );
  const t = (key: string, values: Record<string, string | number | readonly string[]> = {}) => {
    const text = lookup(key);
    if (typeof text !== 'string') throw new Error(`The message ${key} is missing from the catalogue.`);
    return formatProblemText(text, values);
  };
  return Object.assign(t, { has: (key: string) => typeof lookup(key) === 'string' });
}

/** Everything the CLI says in one language. */
export interface OutputWords {
  language: OutputLanguage;
  /** The `cli` section: headings and labels of the CLI's own output. */
  say(key: string, values?: Record<string, string | number>): string;
  /** A node's name for a reader: its id in English (what CLI users grep for), its label in Chinese. */
  nodeNamer(nodes: readonly NamedNode[]): (id: string) => string;
  problem(issue: RenderableIssue, nodes: readonly NamedNode[]): string;
  review(nodes: readonly NamedNode[]): ReviewWords;
  transcriptLine(entry: TranscriptEntry): string;
  /** A port's name (`noInput` → 无输入). */
  portName(port: string): string;
  /** Why the call ended (`hangup` → 流程挂机). */
  endReason(reason: string): string;
}

function wordsOf(language: OutputLanguage, catalogue: Catalogue): OutputWords {
  const cli = translator(catalogue.cli);
  const ports = translator(catalogue.editor.ports);
  const types = translator(catalogue.editor.nodeTypes);
  const problems = translator(catalogue.problems);
  const lines = translator(catalogue.transcriptLines);
  const reasons = translator(catalogue.editor.simulate.reasons);
  const review = translator(catalogue.callerReview);
  const fields = fieldVocabulary(translator(catalogue.problemFields), language, fieldWords);
  const typeName = (type: string) => (types.has(`${type}.title`) ? types(`${type}.title`) : type);
  const portName = (port: string) => (ports.has(port) ? ports(port) : port);
  const english = language === 'en';
  const namer = (nodes: readonly NamedNode[]) => (english ? (id: string) => id : nodeNamer(nodes, typeName));
  return {
    language,
    say: (key, values) => cli(key, values),
    nodeNamer: namer,
    problem: (issue, nodes) =>
      english
        ? issue.message
        : problemText(issue, {
            t: problems,
            nodeName: namer(nodes),
            portName: (port) => (ports.has(port) ? ports(port) : undefined),
            fields,
            typeName,
            ...listStyle(language),
          }),
    review: (nodes) =>
      english
        ? englishReviewWords(nodes)
        : {
            message: (code, params) => review(code, params),
            nodeName: nodeNamer(nodes, typeName),
            typeName,
            portName: (port) => (ports.has(port) ? ports(port) : undefined),
            fieldName: (tokens) => describeTokensIn(tokens, fields),
            value: (value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))),
            text: (text) => `“${text}”`,
            listSeparator: listStyle(language).listSeparator,
          },
    transcriptLine: (entry) =>
      english ? entry.text : transcriptLineText(entry, lines, (port) => (ports.has(port) ? ports(port) : undefined)),
    portName: (port) => (english ? port : portName(port)),
    endReason: (reason) => (english || !reasons.has(reason) ? reason : reasons(reason)),
  };
}

/**
 * The words of one output language.
 * @example
 * outputWords('zh-CN').say('validate.valid', { file: 'hotline.json' }); // 'hotline.json：有效'
 */
export function outputWords(language: OutputLanguage): OutputWords {
  return wordsOf(language, language === 'en' ? enUS : zhCN);
}
