// The observer hears what DESIGN §7 asks for: node entered, port taken, input outcomes (masked), queue and transfer results, the end.

import { expect, test } from 'vitest';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { simulatorDriver } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';
import { asynchronous } from './asynchronous-driver';
import { requestsOf, runCall, type CaseTools } from './contract-harness';
import { simulatorHarness } from './simulator-harness';
import type { SimulatedCall } from '../../../flow-engine/simulator';

const identify = flow(
  [
    node('ask', 'collect', {
      prompt: tts('Your card number'),
      variable: 'card',
      minDigits: 4,
      maxDigits: 4,
      sensitive: true,
    }),
    node('thanks', 'play', { prompt: tts('Thank you') }),
    node('fail', 'hangup'),
  ],
  ['start:next->ask', 'ask:ok->thanks', 'ask:invalid->fail', 'ask:noInput->fail'],
  { id: 'identify', kind: 'subflow', variables: [{ name: 'card', type: 'string' }] },
);

const resources = resolverFromBundle({ subflows: { identify }, skillGroups: { sales: { name: 'Sales' } } });
const tools = (synchronous: boolean): CaseTools<SimulatedCall> => ({
  harness: simulatorHarness(synchronous ? simulatorDriver : asynchronous(simulatorDriver)),
  resources,
});

test.each([true, false])('a whole call in order, synchronous driver: %s', async (synchronous) => {
  const f = flow(
    [
      node('who', 'subflow', { flow: { ref: 'identify' } }),
      node('rate', 'survey', { questions: [{ prompt: tts('Rate us'), variable: 'score' }], maxAttempts: 2 }),
      node('q', 'queue', { skillGroup: { ref: 'sales' } }),
    ],
    ['start:next->who', 'who:next->rate', 'rate:done->q', 'rate:noInput->q'],
    { variables: [{ name: 'score', type: 'number' }] },
  );
  const run = await runCall(tools(synchronous), f, {
    inputs: ['1234', '7', '4'],
    mocks: { queue: { sales: { outcome: 'answered', waitSeconds: 30 } } },
  });
  expect(run.events).toEqual([
    { kind: 'nodeEntered', node: 'start', type: 'start' },
    { kind: 'portTaken', node: 'start', port: 'next' },
    { kind: 'nodeEntered', node: 'who', type: 'subflow' },
    { kind: 'nodeEntered', node: 'who/start', type: 'start' },
    { kind: 'portTaken', node: 'who/start', port: 'next' },
    { kind: 'nodeEntered', node: 'who/ask', type: 'collect' },
    { kind: 'inputOutcome', node: 'who/ask', attempt: 0, via: 'dtmf', outcome: 'accepted', value: '••••' },
    { kind: 'portTaken', node: 'who/ask', port: 'ok' },
    { kind: 'nodeEntered', node: 'who/thanks', type: 'play' },
    { kind: 'portTaken', node: 'who/thanks', port: 'next' },
    { kind: 'portTaken', node: 'who', port: 'next' },
    { kind: 'nodeEntered', node: 'rate', type: 'survey' },
    { kind: 'inputOutcome', node: 'rate', attempt: 0, via: 'dtmf', outcome: 'invalid', value: '7' },
    { kind: 'inputOutcome', node: 'rate', attempt: 1, via: 'dtmf', outcome: 'accepted', value: '4' },
    { kind: 'portTaken', node: 'rate', port: 'done' },
    { kind: 'nodeEntered', node: 'q', type: 'queue' },
    { kind: 'queueJoined', node: 'q', skillGroup: 'sales', priority: 0 },
    {
      kind: 'queueLeft',
      node: 'q',
      skillGroup: 'sales',
      outcome: 'answered',
      waitSeconds: 30,
      bridge: { endedBy: 'other', talkSeconds: 0 },
    },
    { kind: 'portTaken', node: 'q', port: 'answered' },
    { kind: 'callEnded', end: { node: 'q', reason: 'queued' } },
  ]);
  // Only the flow's own start answers the call; the subflow's start joins it.
  expect(requestsOf(run, 'answer')).toEqual([{ node: 'start', earlyMedia: false }]);
});

test('what is said into a sensitive variable is masked in the input outcome', async () => {
  const f = flow(
    [
      node('ask', 'speech', {
        prompt: tts('Your password?'),
        intents: [{ name: 'any', phrases: ['open'] }],
        variable: 'secret',
        maxAttempts: 1,
      }),
      node('x', 'hangup'),
    ],
    ['start:next->ask', 'ask:any->x', 'ask:noMatch->x', 'ask:noInput->x'],
    { variables: [{ name: 'secret', type: 'string', sensitive: true }] },
  );
  const run = await runCall(tools(true), f, { inputs: [{ say: 'open sesame' }] });
  expect(requestsOf(run, 'recognize')[0]?.sensitive).toBe(true);
  expect(run.events.filter((e) => e.kind === 'inputOutcome')).toEqual([
    { kind: 'inputOutcome', node: 'ask', attempt: 0, via: 'speech', outcome: 'accepted', value: '••••' },
  ]);
  expect(JSON.stringify(run.events)).not.toContain('sesame');
});
