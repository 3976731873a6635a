// A transcript line in the UI language: heard and event lines from their code and parameters (the
// `transcriptLines` messages), outcomes by their port names (answered → 已接听); prompts as the caller heard them.

import type { TranscriptEntry } from './simulated-call';

type Translate = ((key: string, values: Record<string, string>) => string) & { has(key: string): boolean };

/**
 * The line's text for the panel.
 * @example
 * transcriptLineText({ node: 'q', kind: 'event', code: 'transfer', params: { to: '10086', outcome: 'busy' }, text: '…' }, t, port);
 * // '转接到 10086 → 忙线'
 */
export function transcriptLineText(
  line: TranscriptEntry,
  t: Translate,
  portName: (port: string) => string | undefined,
): string {
  if (!line.code || !line.params || !t.has(line.code)) return line.text;
  const values = { ...line.params };
  if (values.outcome !== undefined) values.outcome = portName(values.outcome) ?? values.outcome;
  return t(line.code, values);
}
