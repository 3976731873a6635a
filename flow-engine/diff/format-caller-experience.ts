// The caller-experience review as text: what `callflow diff` prints and what a publish note can quote. English by
// default; another catalogue with the same codes (the studio's `callerReview` messages) gives another language.

import { nodeNamer, type NamedNode } from '../node-names';
import { describeTokens } from '../validate/describe-path';
import { formatProblemText } from '../validate/problem-format';
import type { CallerExperienceReview } from './caller-experience';
import { reviewMessagesEn, type ReviewMessageCode } from './review-messages-en';
import { reviewLines, reviewSections, type ReviewWords } from './review-lines';

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * English words for a review: nodes by label, or by id when they have none (`nodes` of both versions, the newer
 * first), types and ports as the engine names them, values as JSON.
 */
export function englishReviewWords(nodes: readonly NamedNode[] = []): ReviewWords {
  const labelled = nodes.map((n) => ({ ...n, label: (typeof n.label === 'string' && n.label.trim()) || n.id }));
  return {
    message: (code, params) => formatProblemText(reviewMessagesEn[code], params),
    nodeName: nodeNamer(labelled, (type) => type),
    typeName: (type) => type,
    portName: () => undefined,
    fieldName: describeTokens,
    value: quote,
    text: quote,
    listSeparator: ', ',
  };
}

/** The nodes of both versions for naming, the newer version's first. */
export function reviewNodes(before: { nodes?: unknown }, after: { nodes?: unknown }): NamedNode[] {
  const list = (doc: { nodes?: unknown }) =>
    (Array.isArray(doc.nodes) ? doc.nodes : []).filter(
      (n): n is NamedNode => typeof n === 'object' && n !== null && typeof (n as NamedNode).id === 'string',
    );
  return [...list(after), ...list(before)];
}

/**
 * Text of a caller-experience review, one section per kind of change, one line per change, nodes named by label.
 * @example
 * formatCallerExperience(review, englishReviewWords(reviewNodes(v1, v2)));
 * // Changes a caller would notice (3), in nodes: Main menu, Sales, Support
 * // Keys and ports
 * //   Main menu key 2: leads to Support instead of Sales
 * // …
 */
export function formatCallerExperience(
  review: CallerExperienceReview,
  words: ReviewWords = englishReviewWords(),
): string {
  const say = (code: ReviewMessageCode, params: Record<string, string | number> = {}) => words.message(code, params);
  if (review.identical) return `${say('identical')}\n`;
  const lines = reviewLines(review, words);
  const nodes = [...new Set([...review.highlight.after, ...review.highlight.before])].map(words.nodeName);
  const head =
    nodes.length > 0
      ? say('heading-nodes', { count: lines.length, nodes: nodes.join(words.listSeparator) })
      : say('heading', { count: lines.length });
  const sections = reviewSections
    .map((section) => {
      const inSection = lines.filter((l) => l.section === section);
      if (inSection.length === 0) return '';
      const body = inSection.flatMap((l) => [`  ${l.text}`, ...l.details.map((d) => `    ${d}`)]);
      return `${say(`section-${section}`)}\n${body.join('\n')}\n`;
    })
    .join('');
  return `${head}\n${sections}`;
}
