// Property: for any caller script and mocks, a call gives the same trace through an asynchronous driver as through the simulator.

import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compile } from '../../../flow-engine/compile';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { runSimulation, simulatorDriver } from '../../../flow-engine/simulator';
import type { CallerInput, Mocks } from '../../../flow-engine/test-case';
import { asynchronous } from '../driver/asynchronous-driver';
import { flow, node, tts } from '../support/build-flow';

/** Every kind of effect, retries and a survey, with each failure port leading somewhere that waits again. */
const everything = flow(
  [
    node('menu', 'menu', {
      prompt: tts('1 pin, 2 speech, 3 queue, 4 transfer'),
      options: [{ key: '1' }, { key: '2' }, { key: '3' }, { key: '4' }],
      maxAttempts: 2,
      noInputPrompt: tts('Hello?'),
    }),
    node('pin', 'collect', {
      prompt: tts('PIN'),
      variable: 'pin',
      minDigits: 2,
      maxDigits: 4,
      maxAttempts: 2,
      sensitive: true,
    }),
    node('crm', 'http', {
      url: 'https://crm.example.com/{{pin}}',
      outputs: [{ variable: 'tier', value: 'string(response.status)' }],
    }),
    node('ask', 'speech', {
      prompt: tts('Say billing'),
      intents: [{ name: 'billing', phrases: ['bill'], dtmf: '9' }],
      maxAttempts: 2,
    }),
    node('q', 'queue', { skillGroup: { ref: 'sales' } }),
    node('t', 'transfer', { to: '+861088886666' }),
    node('rec', 'record', { prompt: tts('Leave a message'), variable: 'message' }),
    node('rate', 'survey', { questions: [{ prompt: tts('Rate 1-5'), variable: 'score' }], maxAttempts: 2 }),
    node('cb', 'callback', { prompt: tts('We will call back') }),
    node('bye', 'hangup', { prompt: tts('Bye') }),
  ],
  [
    'start:next->menu',
    'menu:1->pin',
    'menu:2->ask',
    'menu:3->q',
    'menu:4->t',
    'menu:noInput->rec',
    'menu:invalid->bye',
    'pin:ok->crm',
    'pin:invalid->rec',
    'pin:noInput->rec',
    'crm:ok->rate',
    'crm:error->rec',
    'crm:timeout->cb',
    'ask:billing->rate',
    'ask:noMatch->rec',
    'ask:noInput->bye',
    'q:overflow->rec',
    'q:noAgents->cb',
    'q:callback->cb',
    'q:answered->rate',
    't:busy->rec',
    't:noAnswer->rec',
    't:failed->bye',
    'rec:noInput->bye',
    'rate:noInput->bye',
    'cb:failed->bye',
  ],
  {
    variables: [
      { name: 'pin', type: 'string' },
      { name: 'tier', type: 'string' },
      { name: 'message', type: 'string' },
      { name: 'score', type: 'number' },
    ],
  },
);

const compiled = compile(everything, { resources: resolverFromBundle({ skillGroups: { sales: { name: 'Sales' } } }) });
const asyncSimulator = asynchronous(simulatorDriver);

const input: fc.Arbitrary<CallerInput> = fc.oneof(
  fc.stringMatching(/^[0-9*#]{0,6}$/),
  fc.constantFrom<CallerInput>({ say: 'my bill' }, { say: 'something else' }, { hangup: true }),
);

const mocks: fc.Arbitrary<Mocks> = fc.record({
  http: fc.record({
    crm: fc.oneof(
      fc.record({ status: fc.constantFrom(200, 404, 500) }),
      fc.constant({ timeout: true }),
      fc.constant({ networkError: true }),
    ),
  }),
  queue: fc.record({
    sales: fc.record({
      outcome: fc.constantFrom('answered', 'overflow', 'noAgents', 'callback' as const),
      waitSeconds: fc.nat(600),
    }),
  }),
  transfer: fc.record({
    t: fc.record({ outcome: fc.constantFrom('answered', 'busy', 'noAnswer', 'failed' as const) }),
  }),
  callback: fc.record({ cb: fc.record({ outcome: fc.constantFrom('scheduled', 'failed' as const) }) }),
  record: fc.record({ rec: fc.record({ seconds: fc.nat(30) }) }),
});

test('any script gives the same trace through the actor path as through the direct path', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(input, { maxLength: 8 }), mocks, async (inputs, mocked) => {
      const testCase = { inputs, mocks: mocked };
      const direct = await runSimulation(compiled, testCase);
      const actors = await runSimulation(compiled, testCase, undefined, asyncSimulator);
      expect(actors).toEqual(direct);
    }),
    { numRuns: 150 },
  );
});
