// Sensitive values (a card number keyed into a sensitive collect) never appear in the trace or transcript.

import { expect, test } from 'vitest';
import { simulate } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';

const card = '4111111111111111';

const f = flow(
  [
    node('card', 'collect', {
      prompt: tts('Card number'),
      variable: 'card',
      minDigits: 16,
      maxDigits: 16,
      sensitive: true,
      luhn: true,
    }),
    node('readBack', 'play', {
      prompt: { parts: [{ tts: { 'en-US': 'You entered' } }, { sayAs: 'digits', value: '{{card}}' }] },
    }),
    node('pin', 'collect', { prompt: tts('PIN'), variable: 'pin', minDigits: 4, maxDigits: 4 }),
    node('check', 'condition', { rules: [{ name: 'visa', when: 'card.startsWith("4")' }] }),
    node('bye', 'hangup', { prompt: tts('Card ending {{card.substring(12)}}, PIN set') }),
  ],
  [
    'start:next->card',
    'card:ok->readBack',
    'readBack:next->pin',
    'pin:ok->check',
    'check:visa->bye',
    'check:else->bye',
  ],
  {
    variables: [
      // Not declared sensitive: the sensitive collect masks it anyway.
      { name: 'card', type: 'string' },
      { name: 'pin', type: 'string', sensitive: true },
      { name: 'note', type: 'string', sensitive: true },
    ],
  },
);

test('card digits and a sensitive variable are masked in vars and transcript but still drive the flow', async () => {
  const trace = await simulate(f, { inputs: [`${card}#`, '1234#'] });
  expect(trace.vars).toEqual({ card: '••••', pin: '••••', note: null });
  const text = JSON.stringify(trace);
  expect(text).not.toContain(card);
  expect(text).not.toContain('1111');
  expect(text).not.toContain('1234');
  // The PIN's collect is not marked sensitive, but its variable is declared so: masked as well.
  expect(trace.transcript.filter((t) => t.kind === 'heard').map((t) => t.text)).toEqual(['••••', '••••']);
  expect(trace.transcript.find((t) => t.node === 'readBack')?.text).toBe('You entered ••••');
  // Only the digits are masked, not the whole prompt.
  expect(trace.transcript.find((t) => t.node === 'bye' && t.kind === 'played')?.text).toBe('Card ending ••••, PIN set');
  // The condition saw the real digits.
  expect(trace.steps.find((s) => s.node === 'check')?.port).toBe('visa');
});
