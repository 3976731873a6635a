// The canvas summaries that carry the engine's own words ("(priority)", "2 questions"): a code and its parameters,
// rendered in English here (CLI, logs) and by the studio from its `editor.summaries` catalogue section (a test keeps
// the two in step). Summaries made only of what the admin typed stay plain strings.

import { formatProblemText } from '../validate/problem-format';

export const summaryMessagesEn = {
  start: 'Incoming call',
  queue: '{skillGroup}{priority, select, yes { (priority)} other {}}',
  survey: '{count, plural, one {# question} other {# questions}}',
  collect: '{variable}{sensitive, select, yes { (sensitive)} other {}} — {prompt}',
} as const;

export type SummaryCode = keyof typeof summaryMessagesEn;

/** A node's one-line summary: the admin's own text as it is, or a code of `summaryMessagesEn` with its parameters. */
export type NodeSummary = string | { code: SummaryCode; params: Readonly<Record<string, string | number>> };

/**
 * The English line of a summary.
 * @example
 * summaryText({ code: 'survey', params: { count: 2 } }); // '2 questions'
 */
export function summaryText(summary: NodeSummary): string {
  return typeof summary === 'string' ? summary : formatProblemText(summaryMessagesEn[summary.code], summary.params);
}
