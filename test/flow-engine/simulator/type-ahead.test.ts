// The simulator follows the type-ahead rule: keys pressed during a prompt that takes no input are discarded.

import { expect, test } from 'vitest';
import { createActor, toPromise } from 'xstate';
import { compile } from '../../../flow-engine/compile';
import { bindDriver } from '../../../flow-engine/driver';
import { DEFAULT_CALL_AT, SimulatedCall, simulatorDriver } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';

const f = (bargeIn: boolean) =>
  flow(
    [
      node('welcome', 'play', { prompt: tts('Welcome to Lotus Print'), bargeIn }),
      node('menu', 'menu', { prompt: tts('Press 1 or 2'), options: [{ key: '1' }, { key: '2' }], maxAttempts: 1 }),
      node('one', 'hangup'),
      node('two', 'hangup'),
    ],
    ['start:next->welcome', 'welcome:next->menu', 'menu:1->one', 'menu:2->two'],
  );

async function call(bargeIn: boolean, inputs: string[]) {
  const session = new SimulatedCall(inputs, {}, Date.parse(DEFAULT_CALL_AT));
  session.options = { keysDuringPrompt: { welcome: '1' } };
  const actor = createActor(bindDriver(compile(f(bargeIn)).machine, simulatorDriver), { input: { session } });
  actor.start();
  return { end: await toPromise(actor), transcript: session.transcript };
}

test('keys during a plain prompt are discarded and noted in the transcript; the menu reads its own input', async () => {
  const { end, transcript } = await call(false, ['2']);
  expect(end).toEqual({ node: 'two', reason: 'hangup' });
  expect(transcript.slice(0, 4)).toEqual([
    { node: 'welcome', kind: 'played', text: 'Welcome to Lotus Print' },
    {
      node: 'welcome',
      kind: 'heard',
      text: '1 (discarded: this prompt takes no input)',
      code: 'keys-discarded',
      params: { keys: '1', bargeIn: 'no' },
    },
    { node: 'menu', kind: 'played', text: 'Press 1 or 2' },
    { node: 'menu', kind: 'heard', text: '2', code: 'keys', params: { keys: '2' } },
  ]);
});

test('a barge-in prompt is skipped by the key, which is discarded too', async () => {
  const { end, transcript } = await call(true, ['2']);
  expect(end).toEqual({ node: 'two', reason: 'hangup' });
  expect(transcript[1]).toEqual({
    node: 'welcome',
    kind: 'heard',
    text: '1 (skips the prompt; discarded: this prompt takes no input)',
    code: 'keys-discarded',
    params: { keys: '1', bargeIn: 'yes' },
  });
});

test('with no input of its own the menu hears nothing: the discarded key does not count', async () => {
  const { end } = await call(false, []);
  expect(end).toEqual({ node: 'menu', reason: 'callerHangup' });
});
