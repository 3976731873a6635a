// The caller hanging up in any waiting state ends the call with reason callerHangup at that node.

import { describe, expect, test } from 'vitest';
import { simulate } from '../../../flow-engine/simulator';
import type { FlowNode } from '../../../flow-engine/document';
import { flow, node, tts } from '../support/build-flow';

const cases: { name: string; node: FlowNode; ports: string[]; before?: string[] }[] = [
  {
    name: 'menu',
    node: node('wait', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }] }),
    ports: ['1', 'noInput', 'invalid'],
  },
  {
    name: 'collect',
    node: node('wait', 'collect', { prompt: tts('Digits'), variable: 'digits' }),
    ports: ['ok', 'invalid', 'noInput'],
  },
  {
    name: 'speech',
    node: node('wait', 'speech', { prompt: tts('Speak'), intents: [{ name: 'yes', phrases: ['yes'] }] }),
    ports: ['yes', 'noMatch', 'noInput'],
  },
  { name: 'record', node: node('wait', 'record', { prompt: tts('After the beep') }), ports: ['recorded', 'noInput'] },
  {
    name: 'survey (second question)',
    node: node('wait', 'survey', {
      questions: [
        { prompt: tts('Q1'), variable: 'q1' },
        { prompt: tts('Q2'), variable: 'q2' },
      ],
    }),
    ports: ['done', 'noInput'],
    before: ['3'],
  },
  {
    name: 'queue wait',
    node: node('wait', 'queue', { skillGroup: { ref: 'sales' } }),
    ports: ['answered', 'overflow', 'noAgents', 'callback'],
  },
  {
    name: 'transfer ringing',
    node: node('wait', 'transfer', { to: '+861088886666' }),
    ports: ['answered', 'busy', 'noAnswer', 'failed'],
  },
];

describe.each(cases)('caller hangs up during $name', ({ node: waiting, ports, before = [] }) => {
  const f = flow([waiting, node('after', 'hangup')], ['start:next->wait', ...ports.map((p) => `wait:${p}->after`)], {
    variables: [
      { name: 'digits', type: 'string' },
      { name: 'q1', type: 'number' },
      { name: 'q2', type: 'number' },
    ],
  });

  test('an explicit {hangup: true} ends the call with callerHangup and no port taken', async () => {
    const trace = await simulate(f, { inputs: [...before, { hangup: true }] });
    expect(trace.end).toEqual({ node: 'wait', reason: 'callerHangup' });
    expect(trace.steps.at(-1)).toEqual({ node: 'wait', type: waiting.type, port: null });
    expect(trace.path).toEqual(['start', 'wait']);
  });
});

test('inputs running out at an input attempt means the caller hung up', async () => {
  const f = flow(
    [node('menu', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }] }), node('after', 'hangup')],
    ['start:next->menu', 'menu:1->after'],
  );
  const trace = await simulate(f, { inputs: [] });
  expect(trace.end).toEqual({ node: 'menu', reason: 'callerHangup' });
  expect(trace.transcript.at(-1)).toEqual({
    node: 'menu',
    kind: 'heard',
    text: '(no more inputs: the caller hangs up)',
    code: 'inputs-ran-out',
    params: {},
  });
});

test('a caller hangup is not a hangup effect: the driver is not asked to hang up', async () => {
  const f = flow([node('menu', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }] })], ['start:next->menu']);
  const trace = await simulate(f, { inputs: [{ hangup: true }] });
  expect(trace.transcript.map((t) => t.text)).not.toContainEqual(expect.stringMatching(/^hang up/));
});
