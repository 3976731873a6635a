// Retries, timeouts and give-up ports of menu, collect, speech and survey live in the machine.

import { describe, expect, test } from 'vitest';
import { simulate } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';

const portOf = (trace: { steps: { node: string; port: string | null }[] }, id: string) =>
  trace.steps.find((s) => s.node === id)?.port;

describe('menu', () => {
  const menu = node('menu', 'menu', {
    prompt: tts('Press 1'),
    options: [{ key: '1' }],
    maxAttempts: 3,
    timeoutSeconds: 4,
    noInputPrompt: tts('Sorry, I did not hear you.'),
    invalidPrompt: tts('That is not an option.'),
  });
  const f = flow(
    [menu, node('one', 'hangup'), node('silent', 'hangup'), node('wrong', 'hangup')],
    ['start:next->menu', 'menu:1->one', 'menu:noInput->silent', 'menu:invalid->wrong'],
  );

  test('three silences leave by noInput after the noInput prompt twice', async () => {
    const trace = await simulate(f, { inputs: ['', '', ''] });
    expect(portOf(trace, 'menu')).toBe('noInput');
    expect(trace.end.node).toBe('silent');
    expect(trace.transcript.filter((t) => t.kind === 'played').map((t) => t.text)).toEqual([
      'Press 1',
      'Sorry, I did not hear you.',
      'Press 1',
      'Sorry, I did not hear you.',
      'Press 1',
    ]);
    expect(trace.path).toEqual(['start', 'menu', 'silent']);
  });

  test('three wrong keys leave by invalid', async () => {
    const trace = await simulate(f, { inputs: ['7', '8', '9'] });
    expect(portOf(trace, 'menu')).toBe('invalid');
  });

  test('the last failure decides the port: wrong, wrong, silence leaves by noInput', async () => {
    const trace = await simulate(f, { inputs: ['7', '8', ''] });
    expect(portOf(trace, 'menu')).toBe('noInput');
  });

  test('a right key on the second attempt recovers', async () => {
    const trace = await simulate(f, { inputs: ['', '1'] });
    expect(portOf(trace, 'menu')).toBe('1');
    expect(trace.transcript.map((t) => t.text)).toEqual([
      'Press 1',
      '(silence)',
      'Sorry, I did not hear you.',
      'Press 1',
      '1',
      'hang up (hangup)',
    ]);
  });

  test('silence advances the virtual clock by the timeout, so a schedule after it sees the later time', async () => {
    const hours = { timezone: 'UTC', weekly: { mon: [{ from: '10:00', to: '11:00' }] } };
    const timed = flow(
      [
        node('menu', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }], maxAttempts: 2, timeoutSeconds: 30 }),
        node('hours', 'schedule', { schedule: hours }),
        node('o', 'hangup'),
        node('c', 'hangup'),
      ],
      [
        'start:next->menu',
        'menu:1->hours',
        'menu:noInput->hours',
        'menu:invalid->hours',
        'hours:open->o',
        'hours:closed->c',
        'hours:holiday->c',
      ],
    );
    // Monday 09:59:30 UTC plus one 30 s silence is 10:00:00: open.
    const trace = await simulate(timed, { call: { at: '2026-11-23T09:59:30Z' }, inputs: ['', '1'] });
    expect(trace.end.node).toBe('o');
    const early = await simulate(timed, { call: { at: '2026-11-23T09:59:30Z' }, inputs: ['1'] });
    expect(early.end.node).toBe('c');
  });
});

describe('collect', () => {
  const collect = node('card', 'collect', {
    prompt: tts('Card number'),
    variable: 'card',
    minDigits: 16,
    maxDigits: 16,
    luhn: true,
    maxAttempts: 2,
  });
  const f = flow(
    [collect, node('ok', 'hangup'), node('bad', 'hangup'), node('none', 'hangup')],
    ['start:next->card', 'card:ok->ok', 'card:invalid->bad', 'card:noInput->none'],
    {
      variables: [{ name: 'card', type: 'string' }],
    },
  );

  test('a number failing the Luhn check is invalid; a good one on the second attempt is accepted', async () => {
    const trace = await simulate(f, { inputs: ['4111111111111112#', '4111111111111111#'] });
    expect(portOf(trace, 'card')).toBe('ok');
    expect(trace.vars.card).toBe('4111111111111111');
  });

  test('too few digits twice leaves by invalid', async () => {
    expect(portOf(await simulate(f, { inputs: ['1234#', '99#'] }), 'card')).toBe('invalid');
  });

  test('silence twice leaves by noInput', async () => {
    expect(portOf(await simulate(f, { inputs: ['', ''] }), 'card')).toBe('noInput');
  });

  test('the check expression sees the digits as `value`', async () => {
    const checked = flow(
      [
        node('code', 'collect', {
          prompt: tts('Code'),
          variable: 'code',
          check: 'value.startsWith("8")',
          maxAttempts: 2,
        }),
        node('ok', 'hangup'),
        node('bad', 'hangup'),
      ],
      ['start:next->code', 'code:ok->ok', 'code:invalid->bad', 'code:noInput->bad'],
      { variables: [{ name: 'code', type: 'string' }] },
    );
    expect(portOf(await simulate(checked, { inputs: ['123#', '800#'] }), 'code')).toBe('ok');
    expect(portOf(await simulate(checked, { inputs: ['123#', '456#'] }), 'code')).toBe('invalid');
  });
});

describe('speech', () => {
  const speech = node('ask', 'speech', {
    prompt: tts('Say billing'),
    intents: [{ name: 'billing', phrases: ['billing'] }],
    maxAttempts: 2,
  });
  const f = flow(
    [speech, node('b', 'hangup'), node('nm', 'hangup'), node('ni', 'hangup')],
    ['start:next->ask', 'ask:billing->b', 'ask:noMatch->nm', 'ask:noInput->ni'],
  );

  test('two unmatched utterances leave by noMatch', async () => {
    expect(portOf(await simulate(f, { inputs: [{ say: 'weather' }, { say: 'sports' }] }), 'ask')).toBe('noMatch');
  });

  test('two silences leave by noInput; a match on the second attempt recovers', async () => {
    expect(portOf(await simulate(f, { inputs: ['', ''] }), 'ask')).toBe('noInput');
    expect(portOf(await simulate(f, { inputs: [{ say: 'uh' }, { say: 'Billing please' }] }), 'ask')).toBe('billing');
  });
});

describe('survey', () => {
  const survey = node('csat', 'survey', {
    questions: [{ prompt: tts('Rate us 1 to 5'), variable: 'score' }],
    maxAttempts: 2,
  });
  const f = flow(
    [survey, node('done', 'hangup'), node('gone', 'hangup')],
    ['start:next->csat', 'csat:done->done', 'csat:noInput->gone'],
    {
      variables: [{ name: 'score', type: 'number' }],
    },
  );

  test('an answer out of range is retried and a good one accepted', async () => {
    const trace = await simulate(f, { inputs: ['8', '4'] });
    expect(portOf(trace, 'csat')).toBe('done');
    expect(trace.vars.score).toBe(4);
  });

  test('running out of attempts leaves by noInput, whether silent or out of range', async () => {
    expect(portOf(await simulate(f, { inputs: ['', ''] }), 'csat')).toBe('noInput');
    expect(portOf(await simulate(f, { inputs: ['9', '0'] }), 'csat')).toBe('noInput');
  });
});
