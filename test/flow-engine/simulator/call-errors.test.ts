// Runaway calls and failing expressions end the call with reason error and a detail naming node and expression.

import { expect, test } from 'vitest';
import { simulate } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';

test('a loop without caller input is stopped by the step limit with reason error', async () => {
  const f = flow(
    [
      node('count', 'set', { assignments: [{ variable: 'n', value: 'n + 1' }] }),
      node('check', 'condition', { rules: [{ name: 'never', when: 'n < 0' }] }),
    ],
    ['start:next->count', 'count:next->check', 'check:else->count', 'check:never->count'],
    { variables: [{ name: 'n', type: 'number', default: 0 }] },
  );
  const trace = await simulate(f, {}, { maxSteps: 50 });
  expect(trace.end.reason).toBe('error');
  expect(trace.end.detail).toMatch(/after 50 node visits/);
  expect(trace.path).toHaveLength(51);
  // 1 start + 25 sets before the 51st visit.
  expect(trace.vars.n).toBe(25);
});

test('the default step limit is 10,000 node visits', async () => {
  const f = flow([node('spin', 'set', { assignments: [] })], ['start:next->spin', 'spin:next->spin']);
  const trace = await simulate(f, {});
  expect(trace.end).toMatchObject({ node: 'spin', reason: 'error' });
  expect(trace.path).toHaveLength(10_001);
});

test('a set expression that fails at run time ends the call with the node and expression named', async () => {
  const f = flow(
    [
      node('calc', 'set', { assignments: [{ variable: 'total', value: 'crm.orders.size() + 1' }] }),
      node('bye', 'hangup'),
    ],
    ['start:next->calc', 'calc:next->bye'],
    {
      variables: [
        { name: 'crm', type: 'object' },
        { name: 'total', type: 'number' },
      ],
    },
  );
  const trace = await simulate(f, {});
  expect(trace.end.node).toBe('calc');
  expect(trace.end.reason).toBe('error');
  expect(trace.end.detail).toContain('Node "calc": the expression `crm.orders.size() + 1` could not be evaluated');
  expect(trace.steps.at(-1)).toEqual({ node: 'calc', type: 'set', port: null });
  // The error ends the call through the hangup effect.
  expect(trace.transcript.at(-1)).toEqual({
    node: 'calc',
    kind: 'event',
    text: 'hang up (error)',
    code: 'hangup',
    params: { reason: 'error' },
  });
});

test('a condition rule that fails to evaluate ends the call rather than counting as false', async () => {
  const f = flow(
    [
      node('check', 'condition', { rules: [{ name: 'big', when: 'amount > 100' }] }),
      node('a', 'hangup'),
      node('b', 'hangup'),
    ],
    ['start:next->check', 'check:big->a', 'check:else->b'],
    { variables: [{ name: 'amount', type: 'number' }] },
  );
  const trace = await simulate(f, {});
  expect(trace.end).toMatchObject({ node: 'check', reason: 'error' });
  expect(trace.end.detail).toContain('`amount > 100`');
});

test('a condition rule that gives a non-boolean ends the call with reason error', async () => {
  const f = flow(
    [node('check', 'condition', { rules: [{ name: 'odd', when: '"yes"' }] }), node('a', 'hangup')],
    ['start:next->check', 'check:odd->a', 'check:else->a'],
  );
  const trace = await simulate(f, {});
  expect(trace.end.detail).toBe('Node "check": the expression `"yes"` gave the text "yes" instead of true or false');
});

test('a prompt template that fails to render ends the call before the prompt is played', async () => {
  const f = flow(
    [node('say', 'play', { prompt: tts('Your balance is {{account.balance}}') }), node('bye', 'hangup')],
    ['start:next->say', 'say:next->bye'],
    {
      variables: [{ name: 'account', type: 'object' }],
    },
  );
  const trace = await simulate(f, {});
  expect(trace.end).toMatchObject({ node: 'say', reason: 'error' });
  expect(trace.transcript.filter((t) => t.kind === 'played')).toEqual([]);
});

test('an unconnected port that may not end the call ends it with reason error', async () => {
  const f = flow(
    [node('check', 'condition', { rules: [{ name: 'yes', when: 'true' }] }), node('b', 'hangup')],
    ['start:next->check', 'check:else->b'],
  );
  const trace = await simulate(f, {});
  expect(trace.end).toEqual({
    node: 'check',
    reason: 'error',
    detail: 'Node "check" left by the port "yes", which is not connected to any node.',
  });
});

test('an invalid call time is refused', async () => {
  const f = flow([node('bye', 'hangup')], ['start:next->bye']);
  await expect(simulate(f, { call: { at: 'tomorrow morning' } })).rejects.toThrow(
    'The call time "tomorrow morning" is not a date and time',
  );
});

test('without call.at the virtual clock starts at the documented default instant', async () => {
  const f = flow(
    [
      node('hours', 'schedule', {
        schedule: { timezone: 'Asia/Shanghai', weekly: { mon: [{ from: '10:00', to: '10:01' }] } },
      }),
      node('o', 'hangup'),
      node('c', 'hangup'),
    ],
    ['start:next->hours', 'hours:open->o', 'hours:closed->c', 'hours:holiday->c'],
  );
  expect((await simulate(f, {})).end.node).toBe('o');
});

test('play prompts fall back to the default language when the call language has no text', async () => {
  const f = flow(
    [
      node('say', 'play', { prompt: { tts: { 'en-US': 'Hello', 'zh-CN': '您好' } } }),
      node('fr', 'play', { prompt: tts('Only English') }),
    ],
    ['start:next->say', 'say:next->fr'],
    {
      languages: ['zh-CN', 'en-US'],
    },
  );
  const trace = await simulate(f, { call: { language: 'en-US' } });
  expect(trace.transcript.map((t) => t.text).slice(0, 2)).toEqual(['Hello', 'Only English']);
  const undeclared = await simulate(f, { call: { language: 'fr-FR' } });
  expect(undeclared.transcript[0]?.text).toBe('您好');
});
