// The English text of every transcript line that is not a played prompt: what the simulated caller did and the
// effects on the outside world. One text for the CLI and tests; the studio renders the same codes from its
// `transcriptLines` messages (a test keeps the two in step). Parameters are strings, masked like the text.

import { formatProblemText } from '../validate/problem-format';

export const transcriptMessagesEn = {
  'caller-hangs-up': '(the caller hangs up)',
  'inputs-ran-out': '(no more inputs: the caller hangs up)',
  'caller-hangs-up-talking': '(the caller hangs up during the conversation)',
  'keys-discarded':
    '{keys} ({bargeIn, select, yes {skips the prompt; } other {}}discarded: this prompt takes no input)',
  keys: '{keys}',
  said: 'said "{text}"',
  'said-no-keys': 'said "{text}" (no keys pressed)',
  silence: '(silence)',
  'recorded-nothing': 'recording: nothing recorded',
  recorded: 'recording: {seconds} s',
  'http-no-mock': '{method} {url} → no mock',
  'http-timeout': '{method} {url} → timeout',
  'http-network-error': '{method} {url} → network error',
  'http-status': '{method} {url} → {status}',
  queue: 'queue {skillGroup} (priority {priority}) → {outcome} after {waitSeconds} s',
  transfer: 'transfer to {to} → {outcome}',
  callback: 'callback to {number} ({when}) → {outcome}',
  hangup: 'hang up ({reason})',
} as const;

export type TranscriptCode = keyof typeof transcriptMessagesEn;

/**
 * The English text of a transcript line.
 * @example
 * transcriptText('queue', { skillGroup: 'after-sales', priority: '0', outcome: 'answered', waitSeconds: '0' });
 * // 'queue after-sales (priority 0) → answered after 0 s'
 */
export function transcriptText(code: TranscriptCode, params: Readonly<Record<string, string>>): string {
  return formatProblemText(transcriptMessagesEn[code], params);
}
