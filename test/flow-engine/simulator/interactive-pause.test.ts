// pauseWhenInputsRunOut (the simulate panel's interactive call) and the http mock's delayMs.

import { expect, test } from 'vitest';
import { compile } from '../../../flow-engine/compile';
import { runSimulation, simulate } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';

const menuFlow = flow(
  [
    node('menu', 'menu', { prompt: tts('Press 1 for sales'), options: [{ key: '1' }], timeoutSeconds: 7 }),
    node('ask', 'speech', { prompt: tts('Say yes'), intents: [{ name: 'yes', phrases: ['yes'] }] }),
    node('bye', 'hangup'),
  ],
  [
    'start:next->menu',
    'menu:1->ask',
    'menu:noInput->bye',
    'menu:invalid->bye',
    'ask:yes->bye',
    'ask:noMatch->bye',
    'ask:noInput->bye',
  ],
);

test('with pauseWhenInputsRunOut a call stops at the input attempt and says what it awaits', async () => {
  const trace = await runSimulation(compile(menuFlow), { inputs: [] }, undefined, undefined, {
    pauseWhenInputsRunOut: true,
  });
  expect(trace.awaiting).toEqual({ node: 'menu', effect: 'collect', timeoutSeconds: 7, attempt: 0, sensitive: false });
  expect(trace.path).toEqual(['start', 'menu']);
  expect(trace.transcript).toEqual([{ node: 'menu', kind: 'played', text: 'Press 1 for sales' }]);
});

test('re-running with one more input moves the pause to the next input attempt (speech is recognize)', async () => {
  const trace = await runSimulation(compile(menuFlow), { inputs: ['1'] }, undefined, undefined, {
    pauseWhenInputsRunOut: true,
  });
  expect(trace.awaiting).toMatchObject({ node: 'ask', effect: 'recognize', attempt: 0 });
  expect(trace.steps.slice(0, 2)).toEqual([
    { node: 'start', type: 'start', port: 'next' },
    { node: 'menu', type: 'menu', port: '1' },
  ]);
});

test('without the option the caller hangs up as before, and a finished call awaits nothing', async () => {
  const ranOut = await simulate(menuFlow, { inputs: [] });
  expect(ranOut.awaiting).toBeUndefined();
  expect(ranOut.transcript.at(-1)?.text).toBe('(no more inputs: the caller hangs up)');
  const done = await runSimulation(compile(menuFlow), { inputs: ['1', { say: 'yes' }] }, undefined, undefined, {
    pauseWhenInputsRunOut: true,
  });
  expect(done.awaiting).toBeUndefined();
  expect(done.end).toEqual({ node: 'bye', reason: 'hangup' });
});

const httpFlow = flow(
  [
    node('crm', 'http', {
      url: 'https://crm.example.com/tier',
      timeoutSeconds: 2,
      outputs: [{ variable: 'tier', value: 'response.body.tier' }],
    }),
    node('ok', 'hangup'),
    node('failed', 'hangup'),
    node('late', 'hangup'),
  ],
  ['start:next->crm', 'crm:ok->ok', 'crm:error->failed', 'crm:timeout->late'],
  { variables: [{ name: 'tier', type: 'string' }] },
);

test('an http mock answering within the timeout (delayMs) takes its answer', async () => {
  const trace = await simulate(httpFlow, {
    mocks: { http: { crm: { status: 200, body: { tier: 'vip' }, delayMs: 1999 } } },
  });
  expect(trace.end.node).toBe('ok');
  expect(trace.vars.tier).toBe('vip');
});

test('an http mock slower than the node timeout (delayMs ≥ timeout) leaves by timeout, as the runtime does', async () => {
  const trace = await simulate(httpFlow, {
    mocks: { http: { crm: { status: 200, body: { tier: 'vip' }, delayMs: 2000 } } },
  });
  expect(trace.steps.find((s) => s.node === 'crm')?.port).toBe('timeout');
  expect(trace.end.node).toBe('late');
  expect(trace.vars.tier).toBe(null);
});
