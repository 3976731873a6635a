// Every node type leaves by each of its ports as simulate() runs it.

import { describe, expect, test } from 'vitest';
import { simulate } from '../../../flow-engine/simulator';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { flow, node, tts } from '../support/build-flow';

const bye = node('bye', 'hangup');
const portOf = (trace: { steps: { node: string; port: string | null }[] }, id: string) =>
  trace.steps.find((s) => s.node === id)?.port;

describe('interaction nodes', () => {
  test('start and play leave by next and the prompt is played with its template filled in', async () => {
    const f = flow(
      [node('hello', 'play', { prompt: tts('Hello {{call.caller}}') }), bye],
      ['start:next->hello', 'hello:next->bye'],
    );
    const trace = await simulate(f, { call: { caller: '+8613800138000' } });
    expect(trace.steps).toEqual([
      { node: 'start', type: 'start', port: 'next' },
      { node: 'hello', type: 'play', port: 'next' },
      { node: 'bye', type: 'hangup', port: null },
    ]);
    expect(trace.transcript[0]).toEqual({ node: 'hello', kind: 'played', text: 'Hello +8613800138000' });
    expect(trace.end).toEqual({ node: 'bye', reason: 'hangup' });
  });

  test('a menu leaves by the key pressed', async () => {
    const menu = node('menu', 'menu', { prompt: tts('Press 1 or 2'), options: [{ key: '1' }, { key: '2' }] });
    const f = flow(
      [menu, node('one', 'hangup'), node('two', 'hangup')],
      ['start:next->menu', 'menu:1->one', 'menu:2->two', 'menu:noInput->one', 'menu:invalid->one'],
    );
    const trace = await simulate(f, { inputs: ['2'] });
    expect(portOf(trace, 'menu')).toBe('2');
    expect(trace.end.node).toBe('two');
  });

  test('collect stores the digits and leaves by ok', async () => {
    const collect = node('order', 'collect', {
      prompt: tts('Order number'),
      variable: 'orderId',
      minDigits: 4,
      maxDigits: 8,
    });
    const f = flow([collect, bye], ['start:next->order', 'order:ok->bye', 'order:invalid->bye', 'order:noInput->bye'], {
      variables: [{ name: 'orderId', type: 'string' }],
    });
    const trace = await simulate(f, { inputs: ['12345#'] });
    expect(portOf(trace, 'order')).toBe('ok');
    expect(trace.vars.orderId).toBe('12345');
  });

  test('speech matches an intent by phrase, ignoring case, and by its DTMF key', async () => {
    const speech = node('ask', 'speech', {
      prompt: tts('How can I help?'),
      intents: [
        { name: 'billing', phrases: ['bill', 'invoice'], dtmf: '1' },
        { name: 'repair', phrases: ['broken'], dtmf: '2' },
      ],
      variable: 'said',
    });
    const f = flow(
      [speech, node('b', 'hangup'), node('r', 'hangup')],
      ['start:next->ask', 'ask:billing->b', 'ask:repair->r', 'ask:noMatch->b', 'ask:noInput->b'],
      {
        variables: [{ name: 'said', type: 'string' }],
      },
    );
    const spoken = await simulate(f, { inputs: [{ say: 'My router is BROKEN again' }] });
    expect(portOf(spoken, 'ask')).toBe('repair');
    expect(spoken.vars.said).toBe('My router is BROKEN again');
    const keyed = await simulate(f, { inputs: ['1'] });
    expect(portOf(keyed, 'ask')).toBe('billing');
  });

  test('record leaves by recorded with the location stored, and by noInput when nothing was said', async () => {
    const record = node('vm', 'record', { prompt: tts('Leave a message'), variable: 'recording' });
    const f = flow([record, bye], ['start:next->vm', 'vm:recorded->bye', 'vm:noInput->bye'], {
      variables: [{ name: 'recording', type: 'string' }],
    });
    const recorded = await simulate(f, {});
    expect(portOf(recorded, 'vm')).toBe('recorded');
    expect(recorded.vars.recording).toBe('simulated://recordings/vm.wav');
    const silent = await simulate(f, { mocks: { record: { vm: { seconds: 0 } } } });
    expect(portOf(silent, 'vm')).toBe('noInput');
  });

  test('a survey stores each rating and leaves by done after the thank-you', async () => {
    const survey = node('csat', 'survey', {
      intro: tts('Two questions.'),
      questions: [
        { prompt: tts('Rate the agent'), variable: 'agentScore' },
        { prompt: tts('Rate the wait'), variable: 'waitScore', min: 0, max: 9 },
      ],
      thanks: tts('Thank you'),
    });
    const f = flow([survey, bye], ['start:next->csat', 'csat:done->bye', 'csat:noInput->bye'], {
      variables: [
        { name: 'agentScore', type: 'number' },
        { name: 'waitScore', type: 'number' },
      ],
    });
    const trace = await simulate(f, { inputs: ['5', '0'] });
    expect(portOf(trace, 'csat')).toBe('done');
    expect(trace.vars).toEqual({ agentScore: 5, waitScore: 0 });
    expect(trace.transcript.filter((t) => t.kind === 'played').map((t) => t.text)).toEqual([
      'Two questions.',
      'Rate the agent',
      'Rate the wait',
      'Thank you',
    ]);
    expect(trace.path.filter((n) => n === 'csat')).toHaveLength(1);
  });
});

describe('logic nodes', () => {
  const vars = [
    { name: 'tier', type: 'string' as const },
    { name: 'score', type: 'number' as const, default: 2 },
  ];

  test('condition takes the first true rule, else else', async () => {
    const cond = node('check', 'condition', {
      rules: [
        { name: 'vip', when: 'tier == "vip"' },
        { name: 'high', when: 'score > 1' },
      ],
    });
    const build = (tier: string) =>
      flow(
        [
          node('set', 'set', { assignments: [{ variable: 'tier', value: `"${tier}"` }] }),
          cond,
          node('a', 'hangup'),
          node('b', 'hangup'),
          node('c', 'hangup'),
        ],
        ['start:next->set', 'set:next->check', 'check:vip->a', 'check:high->b', 'check:else->c'],
        { variables: vars },
      );
    expect(portOf(await simulate(build('vip'), {}), 'check')).toBe('vip');
    expect(portOf(await simulate(build('gold'), {}), 'check')).toBe('high');
    const lowScore = build('gold');
    lowScore.variables[1] = { name: 'score', type: 'number', default: 0 };
    expect(portOf(await simulate(lowScore, {}), 'check')).toBe('else');
  });

  test('set assigns in order, gives numbers as JS numbers and switches the prompt language', async () => {
    const set = node('set', 'set', {
      assignments: [
        { variable: 'score', value: 'score + 40' },
        { variable: 'tier', value: 'score > 40 ? "vip" : "std"' },
      ],
      language: 'zh-CN',
    });
    const say = node('say', 'play', { prompt: { tts: { 'en-US': 'Score {{score}}', 'zh-CN': '积分 {{score}}' } } });
    const f = flow([set, say, bye], ['start:next->set', 'set:next->say', 'say:next->bye'], {
      variables: vars,
      languages: ['en-US', 'zh-CN'],
    });
    const trace = await simulate(f, { call: { language: 'en-US' } });
    expect(trace.vars).toEqual({ tier: 'vip', score: 42 });
    expect(trace.transcript[0]?.text).toBe('积分 42');
  });

  test('schedule is open, closed or holiday at the call time (inline and shared schedules)', async () => {
    const hours = {
      timezone: 'Asia/Shanghai',
      weekly: { mon: [{ from: '09:00', to: '18:00' }] },
      holidays: [{ date: '2026-10-05' }],
    };
    const build = (schedule: unknown) =>
      flow(
        [node('hours', 'schedule', { schedule }), node('o', 'hangup'), node('c', 'hangup'), node('h', 'hangup')],
        ['start:next->hours', 'hours:open->o', 'hours:closed->c', 'hours:holiday->h'],
      );
    const inline = build(hours);
    expect(portOf(await simulate(inline, { call: { at: '2026-11-23T10:00:00+08:00' } }), 'hours')).toBe('open');
    expect(portOf(await simulate(inline, { call: { at: '2026-11-23T19:00:00+08:00' } }), 'hours')).toBe('closed');
    expect(portOf(await simulate(inline, { call: { at: '2026-10-05T10:00:00+08:00' } }), 'hours')).toBe('holiday');
    const shared = await simulate(
      build({ ref: 'support' }),
      { call: { at: '2026-11-23T10:00:00+08:00' } },
      {
        resources: resolverFromBundle({ schedules: { support: { ...hours, specialDays: [] } } }),
      },
    );
    expect(portOf(shared, 'hours')).toBe('open');
  });

  test('region matches the caller number by prefix, else other', async () => {
    const region = node('where', 'region', {
      regions: [
        { name: 'beijing', prefixes: ['010', '+8610'] },
        { name: 'hk', countries: ['HK'] },
      ],
    });
    const f = flow(
      [region, node('bj', 'hangup'), node('hk', 'hangup'), node('x', 'hangup')],
      ['start:next->where', 'where:beijing->bj', 'where:hk->hk', 'where:other->x'],
    );
    expect(portOf(await simulate(f, { call: { caller: '+861012345678' } }), 'where')).toBe('beijing');
    expect(portOf(await simulate(f, { call: { caller: '+85221234567' } }), 'where')).toBe('hk');
    expect(portOf(await simulate(f, { call: { caller: '+442071234567' } }), 'where')).toBe('other');
  });

  describe('http', () => {
    const http = node('crm', 'http', {
      integration: { ref: 'crm' },
      method: 'POST',
      url: '/customers/{{call.caller}}',
      query: { lang: '{{call.language}}' },
      json: { phone: 'call.caller' },
      outputs: [{ variable: 'tier', value: 'response.body.tier' }],
    });
    const f = flow(
      [http, node('ok', 'hangup'), node('err', 'hangup'), node('slow', 'hangup')],
      ['start:next->crm', 'crm:ok->ok', 'crm:error->err', 'crm:timeout->slow'],
      {
        variables: [{ name: 'tier', type: 'string' }],
      },
    );
    const resources = resolverFromBundle({ integrations: { crm: { baseUrl: 'https://crm.example.com/api/' } } });

    test('a mocked 200 leaves by ok and maps the body into variables', async () => {
      const trace = await simulate(
        f,
        { call: { caller: '+8613800138000' }, mocks: { http: { crm: { status: 200, body: { tier: 'vip' } } } } },
        { resources },
      );
      expect(portOf(trace, 'crm')).toBe('ok');
      expect(trace.vars.tier).toBe('vip');
      expect(trace.transcript).toContainEqual({
        node: 'crm',
        kind: 'event',
        text: 'POST https://crm.example.com/api/customers/%2B8613800138000?lang=en-US → 200',
        code: 'http-status',
        params: {
          method: 'POST',
          url: 'https://crm.example.com/api/customers/%2B8613800138000?lang=en-US',
          status: '200',
        },
      });
    });

    test('a status outside okStatus, a network error and an unmocked request leave by error; a timeout by timeout', async () => {
      const run = (mock?: object) => simulate(f, { mocks: mock ? { http: { crm: mock } } : {} }, { resources });
      expect(portOf(await run({ status: 503 }), 'crm')).toBe('error');
      expect(portOf(await run({ networkError: true }), 'crm')).toBe('error');
      const unmocked = await run();
      expect(portOf(unmocked, 'crm')).toBe('error');
      expect(unmocked.transcript.at(0)?.text).toMatch(/→ no mock$/);
      expect(portOf(await run({ timeout: true }), 'crm')).toBe('timeout');
    });
  });
});

describe('routing nodes', () => {
  const sales = resolverFromBundle({ skillGroups: { sales: { name: 'Sales' } } });

  test('queue leaves by the mocked outcome; answered unconnected ends the call as queued', async () => {
    const queue = node('q', 'queue', { skillGroup: { ref: 'sales' }, priorityExpression: 'vip ? 9 : 0' });
    const f = flow(
      [queue, node('over', 'hangup'), node('none', 'hangup'), node('cb', 'hangup')],
      ['start:next->q', 'q:overflow->over', 'q:noAgents->none', 'q:callback->cb'],
      {
        variables: [{ name: 'vip', type: 'boolean', default: true }],
      },
    );
    const answered = await simulate(f, {}, { resources: sales });
    expect(answered.end).toEqual({ node: 'q', reason: 'queued' });
    expect(answered.transcript).toContainEqual({
      node: 'q',
      kind: 'event',
      text: 'queue sales (priority 9) → answered after 0 s',
      code: 'queue',
      params: { skillGroup: 'sales', priority: '9', outcome: 'answered', waitSeconds: '0' },
    });
    for (const outcome of ['overflow', 'noAgents', 'callback'] as const) {
      const bySkill = await simulate(f, { mocks: { queue: { sales: { outcome } } } }, { resources: sales });
      expect(portOf(bySkill, 'q')).toBe(outcome);
    }
  });

  test('transfer leaves by each outcome; answered unconnected ends the call as transferred', async () => {
    const transfer = node('t', 'transfer', { to: '{{duty}}' });
    const f = flow(
      [transfer, node('busy', 'hangup'), node('na', 'hangup'), node('fail', 'hangup')],
      ['start:next->t', 't:busy->busy', 't:noAnswer->na', 't:failed->fail'],
      {
        variables: [{ name: 'duty', type: 'string', default: '+861088886666' }],
      },
    );
    const answered = await simulate(f, {});
    expect(answered.end).toEqual({ node: 't', reason: 'transferred' });
    expect(answered.transcript).toContainEqual({
      node: 't',
      kind: 'event',
      text: 'transfer to +861088886666 → answered',
      code: 'transfer',
      params: { to: '+861088886666', outcome: 'answered' },
    });
    for (const outcome of ['busy', 'noAnswer', 'failed'] as const) {
      expect(portOf(await simulate(f, { mocks: { transfer: { t: { outcome } } } }), 't')).toBe(outcome);
    }
  });

  test('callback leaves by scheduled (after the confirmation) or failed', async () => {
    const callback = node('cb', 'callback', { prompt: tts('We will call you back') });
    const f = flow(
      [callback, node('ok', 'hangup'), node('fail', 'hangup')],
      ['start:next->cb', 'cb:scheduled->ok', 'cb:failed->fail'],
    );
    const scheduled = await simulate(f, { call: { caller: '+8613800138000' } });
    expect(portOf(scheduled, 'cb')).toBe('scheduled');
    expect(scheduled.transcript.map((t) => t.text)).toEqual([
      'callback to +8613800138000 (asap) → scheduled',
      'We will call you back',
      'hang up (hangup)',
    ]);
    expect(portOf(await simulate(f, { mocks: { callback: { cb: { outcome: 'failed' } } } }), 'cb')).toBe('failed');
  });

  test('hangup plays its goodbye and ends with reason hangup and its report reason', async () => {
    const f = flow(
      [node('bye', 'hangup', { prompt: tts('Goodbye'), reason: 'self-service-complete' })],
      ['start:next->bye'],
    );
    const trace = await simulate(f, {});
    expect(trace.end).toEqual({ node: 'bye', reason: 'hangup', detail: 'self-service-complete' });
    expect(trace.transcript.map((t) => t.text)).toEqual(['Goodbye', 'hang up (hangup)']);
  });

  test('an unconnected port that may end the call hangs up there', async () => {
    const f = flow([node('hello', 'play', { prompt: tts('Hello') })], ['start:next->hello']);
    const trace = await simulate(f, {});
    expect(trace.end).toEqual({ node: 'hello', reason: 'hangup' });
    expect(trace.steps.at(-1)).toEqual({ node: 'hello', type: 'play', port: 'next' });
  });
});
