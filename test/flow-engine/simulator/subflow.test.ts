// A subflow node runs the resolved flow inline and returns to its `next` port.

import { expect, test } from 'vitest';
import { CompileError } from '../../../flow-engine/compile';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { simulate } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';

const identify = flow(
  [
    node('ask', 'collect', { prompt: tts('Your member number'), variable: 'member', minDigits: 6, maxDigits: 6 }),
    node('lookup', 'http', {
      url: 'https://crm.example.com/members/{{member}}',
      outputs: [{ variable: 'tier', value: 'response.body.tier' }],
    }),
    node('found', 'play', { prompt: tts('Thank you') }),
    node('fail', 'hangup', { prompt: tts('Sorry, we cannot continue.') }),
  ],
  [
    'start:next->ask',
    'ask:ok->lookup',
    'lookup:ok->found',
    'ask:invalid->fail',
    'ask:noInput->fail',
    'lookup:error->fail',
    'lookup:timeout->fail',
  ],
  {
    id: 'identify',
    kind: 'subflow',
    variables: [
      { name: 'member', type: 'string' },
      { name: 'tier', type: 'string' },
    ],
  },
);

const main = flow(
  [
    node('hello', 'play', { prompt: tts('Welcome') }),
    node('who', 'subflow', { flow: { ref: 'identify' } }),
    node('route', 'condition', { rules: [{ name: 'vip', when: 'tier == "vip"' }] }),
    node('vipLine', 'hangup'),
    node('normal', 'hangup'),
  ],
  ['start:next->hello', 'hello:next->who', 'who:next->route', 'route:vip->vipLine', 'route:else->normal'],
  { variables: [{ name: 'tier', type: 'string' }] },
);

const resources = resolverFromBundle({ subflows: { identify } });

test('the subflow runs with the same variables and its unconnected next port returns to the subflow node', async () => {
  const trace = await simulate(
    main,
    { inputs: ['123456#'], mocks: { http: { lookup: { status: 200, body: { tier: 'vip' } } } } },
    { resources },
  );
  expect(trace.path).toEqual([
    'start',
    'hello',
    'who',
    'who/start',
    'who/ask',
    'who/lookup',
    'who/found',
    'route',
    'vipLine',
  ]);
  expect(trace.steps.find((s) => s.node === 'who')).toEqual({ node: 'who', type: 'subflow', port: 'next' });
  expect(trace.steps.find((s) => s.node === 'who/found')).toEqual({ node: 'who/found', type: 'play', port: 'next' });
  expect(trace.vars).toEqual({ tier: 'vip', member: '123456' });
  expect(trace.end).toEqual({ node: 'vipLine', reason: 'hangup' });
});

test('a hangup node inside the subflow ends the whole call there', async () => {
  const trace = await simulate(main, { inputs: ['1#', '2#', '3#'] }, { resources });
  expect(trace.end).toEqual({ node: 'who/fail', reason: 'hangup' });
  expect(trace.steps.find((s) => s.node === 'who')?.port).toBeNull();
});

test('a subflow the resources do not define is refused at compile time, naming the node', async () => {
  await expect(simulate(main, {})).rejects.toThrow(CompileError);
  await expect(simulate(main, {})).rejects.toThrow(
    'Node "who" calls the subflow "identify", which is not defined in the resources.',
  );
});

test('a subflow that calls itself is refused at compile time', async () => {
  const loop = flow([node('again', 'subflow', { flow: { ref: 'loop' } })], ['start:next->again'], {
    id: 'loop',
    kind: 'subflow',
  });
  const caller = flow([node('enter', 'subflow', { flow: { ref: 'loop' } })], ['start:next->enter']);
  await expect(simulate(caller, {}, { resources: resolverFromBundle({ subflows: { loop } }) })).rejects.toThrow(
    /cannot call themselves/,
  );
});
