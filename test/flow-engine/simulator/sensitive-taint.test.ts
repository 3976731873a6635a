// Taint follows sensitive data: values copied, cut or joined from a card number are masked in every output too.

import { describe, expect, it } from 'vitest';
import type { CallEnd, CallObserver } from '../../../flow-engine/compile';
import { compile } from '../../../flow-engine/compile';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { createActor } from 'xstate';
import { bindDriver, type CallDriver } from '../../../flow-engine/driver';
import { DEFAULT_CALL_AT, SimulatedCall, runTests, simulate, simulatorDriver } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';

const card = '4539578763621486';
const inputs = [`${card}#`];
const askCard = node('askCard', 'collect', {
  prompt: tts('Card number'),
  variable: 'card',
  minDigits: 16,
  maxDigits: 16,
  sensitive: true,
});

describe('derived values', () => {
  const f = flow(
    [
      askCard,
      node('derive', 'set', {
        assignments: [
          { variable: 'copy', value: 'card' },
          { variable: 'last4', value: 'copy.substring(12)' },
          { variable: 'label', value: '"card " + last4' },
          { variable: 'tier', value: '"gold"' },
        ],
      }),
      node('lookup', 'http', {
        url: 'https://pay.example.com/cards/{{card.substring(0, 6)}}/{{last4}}',
        query: { check: '{{copy}}', who: '{{tier}}' },
        headers: { 'X-Card': 'k-{{card}}' },
        json: { pan: 'card' },
        outputs: [{ variable: 'token', value: 'response.body.token' }],
      }),
      node('readBack', 'play', { prompt: tts('Your {{label}} is {{tier}}. Token {{token}}.') }),
      node('toDesk', 'transfer', { to: 'sip:{{last4}}@pbx.example.com' }),
      node('later', 'callback', { number: '+86{{card.substring(4, 14)}}' }),
      node('bye', 'hangup', { prompt: tts('Bye') }),
    ],
    [
      'start:next->askCard',
      'askCard:ok->derive',
      'askCard:invalid->bye',
      'askCard:noInput->bye',
      'derive:next->lookup',
      'lookup:ok->readBack',
      'lookup:error->bye',
      'lookup:timeout->bye',
      'readBack:next->toDesk',
      'toDesk:busy->later',
      'toDesk:noAnswer->bye',
      'toDesk:failed->bye',
      'later:failed->bye',
    ],
    {
      variables: ['card', 'copy', 'last4', 'label', 'tier', 'token'].map((name) => ({ name, type: 'string' as const })),
    },
  );
  const mocks = {
    http: { lookup: { status: 200, body: { token: 'tok_abc' } } },
    transfer: { toDesk: { outcome: 'busy' as const } },
  };

  it('copies, substrings and joins of the card number are sensitive variables, answers from outside are not', () => {
    expect([...compile(f).sensitiveVariables].sort()).toEqual(['card', 'copy', 'label', 'last4']);
  });

  it('no output of the call carries the digits, yet the call used them', async () => {
    const trace = await simulate(f, { inputs, mocks });
    const text = JSON.stringify(trace);
    for (const part of [card, card.slice(12), card.slice(0, 6), card.slice(4, 14)]) expect(text).not.toContain(part);
    expect(trace.vars).toEqual({
      card: '••••',
      copy: '••••',
      last4: '••••',
      label: '••••',
      tier: 'gold',
      token: 'tok_abc',
    });
    const events = trace.transcript.filter((t) => t.kind === 'event').map((t) => t.text);
    expect(events).toEqual([
      'GET https://pay.example.com/cards/••••/••••?check=••••&who=gold → 200',
      'transfer to sip:••••@pbx.example.com → busy',
      'callback to +86•••• (asap) → scheduled',
      'hang up (hangup)',
    ]);
    // The words stay, the digits go.
    expect(trace.transcript.find((t) => t.node === 'readBack')?.text).toBe('Your •••• is gold. Token tok_abc.');
  });

  it('the driver still receives the real values', () => {
    const urls: string[] = [];
    const driver: CallDriver<SimulatedCall> = {
      ...simulatorDriver,
      http(request, context) {
        urls.push(request.url);
        return simulatorDriver.http(request, context);
      },
    };
    const session = new SimulatedCall(inputs, mocks, Date.parse(DEFAULT_CALL_AT));
    createActor(bindDriver(compile(f).machine, driver), { input: { session } }).start();
    expect(urls).toEqual([
      `https://pay.example.com/cards/${card.slice(0, 6)}/${card.slice(12)}?check=${card}&who=gold`,
    ]);
  });
});

describe('error messages', () => {
  it('a rule over the card that fails names the expression, not the digits', async () => {
    const f = flow(
      [
        askCard,
        node('check', 'condition', { rules: [{ name: 'visa', when: 'card.substring(0, 2)' }] }),
        node('bye', 'hangup'),
      ],
      [
        'start:next->askCard',
        'askCard:ok->check',
        'askCard:invalid->bye',
        'askCard:noInput->bye',
        'check:visa->bye',
        'check:else->bye',
      ],
      { variables: [{ name: 'card', type: 'string' }] },
    );
    const trace = await simulate(f, { inputs });
    expect(trace.end).toEqual({
      node: 'check',
      reason: 'error',
      detail: 'Node "check": the expression `card.substring(0, 2)` gave a text instead of true or false',
    });
  });

  it('digits refused by a collect check never show in the error', async () => {
    const f = flow(
      [
        node('askPin', 'collect', {
          prompt: tts('PIN'),
          variable: 'pin',
          minDigits: 6,
          maxDigits: 6,
          sensitive: true,
          check: 'value.substring(0, 6)',
        }),
        node('bye', 'hangup'),
      ],
      ['start:next->askPin', 'askPin:ok->bye', 'askPin:invalid->bye', 'askPin:noInput->bye'],
      { variables: [{ name: 'pin', type: 'string' }] },
    );
    const trace = await simulate(f, { inputs: ['908172#'] });
    expect(trace.end.reason).toBe('error');
    expect(JSON.stringify(trace)).not.toContain('908172');
  });
});

describe('through a subflow', () => {
  const identify = flow(
    [
      askCard,
      node('keep', 'set', { assignments: [{ variable: 'ref', value: '"R-" + card.substring(10)' }] }),
      node('done', 'play', { prompt: tts('Thanks') }),
    ],
    ['start:next->askCard', 'askCard:ok->keep', 'askCard:invalid->done', 'askCard:noInput->done', 'keep:next->done'],
    {
      id: 'identify',
      kind: 'subflow',
      variables: [
        { name: 'card', type: 'string' },
        { name: 'ref', type: 'string' },
      ],
    },
  );
  const main = flow(
    [
      node('who', 'subflow', { flow: { ref: 'identify' } }),
      node('say', 'play', { prompt: tts('Reference {{ref}}, thank you') }),
    ],
    ['start:next->who', 'who:next->say'],
    { variables: [{ name: 'ref', type: 'string' }] },
  );
  const resources = resolverFromBundle({ subflows: { identify } });

  it('a value made in the subflow from the card is masked when the caller reads it back', async () => {
    const trace = await simulate(main, { inputs }, { resources });
    expect(trace.transcript.find((t) => t.node === 'say')?.text).toBe('Reference ••••, thank you');
    expect(trace.vars.ref).toBe('••••');
    expect(JSON.stringify(trace)).not.toContain(card.slice(10));
  });
});

describe('observer events', () => {
  it('the end a runtime observer hears is masked as well', async () => {
    const f = flow(
      [
        askCard,
        node('fail', 'queue', { skillGroup: { ref: 'desk' }, priorityExpression: 'card.substring(0, 12)' }),
        node('bye', 'hangup'),
      ],
      [
        'start:next->askCard',
        'askCard:ok->fail',
        'askCard:invalid->bye',
        'askCard:noInput->bye',
        'fail:overflow->bye',
        'fail:noAgents->bye',
        'fail:callback->bye',
      ],
      {
        variables: [
          { name: 'card', type: 'string' },
          { name: 'n', type: 'number' },
        ],
      },
    );
    const ends: CallEnd[] = [];
    const observer: CallObserver = { nodeEntered() {}, portTaken() {}, callEnded: (end) => ends.push(end) };
    const session = new SimulatedCall(inputs, {}, Date.parse(DEFAULT_CALL_AT));
    createActor(bindDriver(compile(f).machine, simulatorDriver), { input: { session, observer } }).start();
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ node: 'fail', reason: 'error' });
    expect(ends[0]!.detail).toBe('Node "fail": the expression `card.substring(0, 12)` gave a text instead of a number');
    expect(JSON.stringify(ends)).not.toContain(card.slice(0, 12));
  });
});

describe('test expectations', () => {
  it('a failed expectation on a sensitive variable does not repeat the digits it expected', async () => {
    const f = flow(
      [askCard, node('bye', 'hangup')],
      ['start:next->askCard', 'askCard:ok->bye', 'askCard:invalid->bye', 'askCard:noInput->bye'],
      {
        variables: [{ name: 'card', type: 'string' }],
      },
    );
    const report = await runTests({ ...f, tests: [{ name: 'Card kept', inputs, expect: { vars: { card } } }] });
    expect(report.cases[0]!.failures).toEqual([
      'Expected the variable "card" to hold another value, but it is sensitive and shows as "••••" in traces; expect "••••".',
    ]);
  });
});

describe('speech', () => {
  it('an account number said into a sensitive variable is masked in the line that heard it', async () => {
    const f = flow(
      [
        node('say', 'speech', {
          prompt: tts('Say your account number'),
          intents: [{ name: 'account', phrases: ['account'] }],
          variable: 'spoken',
        }),
        node('bye', 'hangup'),
      ],
      ['start:next->say', 'say:account->bye', 'say:noMatch->bye', 'say:noInput->bye'],
      { variables: [{ name: 'spoken', type: 'string', sensitive: true }] },
    );
    const trace = await simulate(f, { inputs: [{ say: 'account 62220219 8800' }] });
    expect(trace.transcript.find((t) => t.kind === 'heard')?.text).toBe('said "••••"');
    expect(JSON.stringify(trace)).not.toContain('62220219');
  });
});

describe('answers from outside', () => {
  it('a CRM answer that echoes the card number back is masked in the variables it fills', async () => {
    const f = flow(
      [
        askCard,
        node('crm', 'http', {
          method: 'POST',
          url: 'https://crm.example.com/cards',
          json: { pan: 'card' },
          outputs: [{ variable: 'profile', value: 'response.body' }],
        }),
        node('bye', 'hangup'),
      ],
      [
        'start:next->askCard',
        'askCard:ok->crm',
        'askCard:invalid->bye',
        'askCard:noInput->bye',
        'crm:ok->bye',
        'crm:error->bye',
        'crm:timeout->bye',
      ],
      {
        variables: [
          { name: 'card', type: 'string' },
          { name: 'profile', type: 'object' },
        ],
      },
    );
    const trace = await simulate(f, {
      inputs,
      mocks: { http: { crm: { status: 200, body: { pan: card, tier: 'gold', last4: card.slice(12) } } } },
    });
    expect(trace.vars.profile).toEqual({ pan: '••••', tier: 'gold', last4: card.slice(12) });
  });
});
