// Shared cases every CallDriver must pass (simulator, FreeSWITCH): what a driver is asked, what it does, how it ends.

import { describe, expect, test } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { MASK } from '../../../flow-engine/simulator';
import { resolverFromBundle } from '../../../flow-engine/resources';
import type { ScheduleDefinition } from '../../../flow-engine/schedule/schedule-config';
import { flow, node, tts } from '../support/build-flow';
import {
  playedTexts,
  portOf,
  requestsOf,
  runCall,
  type CaseTools,
  type ContractRun,
  type DriverContractOptions,
  type DriverScript,
  type EffectOverride,
} from './contract-harness';

export type { ContractCall, DriverContractOptions, DriverHarness, DriverScript, LineEvent } from './contract-harness';

export interface ContractCase {
  name: string;
  run<Session>(tools: CaseTools<Session>): Promise<void>;
}

const office: ScheduleDefinition = {
  timezone: 'Asia/Shanghai',
  weekly: { mon: [{ from: '09:00', to: '18:00' }] },
  holidays: [],
  specialDays: [],
};

const resources = resolverFromBundle({
  skillGroups: { sales: { name: 'Sales' } },
  integrations: { crm: { baseUrl: 'https://crm.example.com/api', headers: { 'X-Client': 'callflow' } } },
  schedules: { office },
});

const en = (text: string) => ({ language: 'en-US', pieces: [{ kind: 'tts', text }] });
const isPromiseLike = (value: unknown) => typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

/** The flow with its record node's beep turned off. */
const withoutBeep = (f: FlowDocument): FlowDocument => ({
  ...f,
  nodes: f.nodes.map((n) => (n.type === 'record' ? { ...n, config: { ...n.config, beep: false } } : n)),
});

/** A flow whose start node has `config`. */
function withStart(f: FlowDocument, config: Record<string, unknown>): FlowDocument {
  return { ...f, nodes: f.nodes.map((n) => (n.type === 'start' ? { ...n, config } : n)) };
}

const greeting = flow(
  [
    node('hello', 'play', { prompt: { tts: { 'en-US': 'Hello', 'zh-CN': '您好' } } }),
    node('bye', 'hangup', { prompt: { tts: { 'en-US': 'Goodbye', 'zh-CN': '再见' } }, reason: 'done' }),
  ],
  ['start:next->hello', 'hello:next->bye'],
  { languages: ['en-US', 'zh-CN'] },
);

const menuFlow = flow(
  [
    node('menu', 'menu', {
      prompt: tts('Press 1 or 2'),
      noInputPrompt: tts('Sorry, I did not hear you.'),
      invalidPrompt: tts('That is not an option.'),
      options: [{ key: '1' }, { key: '2' }],
      maxAttempts: 2,
      timeoutSeconds: 3,
    }),
    node('bye', 'hangup', { prompt: tts('Bye') }),
  ],
  ['start:next->menu', 'menu:1->bye', 'menu:2->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
);

const pinFlow = (config: Record<string, unknown> = {}) =>
  flow(
    [
      node('pin', 'collect', {
        prompt: tts('Enter your PIN'),
        variable: 'pin',
        minDigits: 4,
        maxDigits: 6,
        maxAttempts: 1,
        timeoutSeconds: 5,
        ...config,
      }),
      node('ok', 'hangup'),
      node('bad', 'hangup'),
    ],
    ['start:next->pin', 'pin:ok->ok', 'pin:invalid->bad', 'pin:noInput->bad'],
    { variables: [{ name: 'pin', type: 'string' }] },
  );

/** Keys pressed during `welcome` (no input) must not reach the menu after it. */
const typeAheadFlow = (bargeIn: boolean) =>
  flow(
    [
      node('welcome', 'play', { prompt: tts('Welcome'), bargeIn }),
      node('menu', 'menu', { prompt: tts('Press 1 or 2'), options: [{ key: '1' }, { key: '2' }], maxAttempts: 1 }),
      node('bye', 'hangup'),
    ],
    [
      'start:next->welcome',
      'welcome:next->menu',
      'menu:1->bye',
      'menu:2->bye',
      'menu:noInput->bye',
      'menu:invalid->bye',
    ],
  );

const speechFlow = flow(
  [
    node('ask', 'speech', {
      prompt: tts('How can I help?'),
      intents: [{ name: 'billing', phrases: ['bill'], dtmf: '1' }],
      variable: 'said',
      timeoutSeconds: 4,
      maxAttempts: 1,
    }),
    node('b', 'hangup'),
    node('x', 'hangup'),
  ],
  ['start:next->ask', 'ask:billing->b', 'ask:noMatch->x', 'ask:noInput->x'],
  { variables: [{ name: 'said', type: 'string' }] },
);

const recordFlow = flow(
  [
    node('rec', 'record', {
      prompt: tts('Leave a message after the tone'),
      mailbox: { ref: 'sales' },
      maxSeconds: 60,
      silenceSeconds: 3,
      variable: 'message',
    }),
    node('thanks', 'hangup', { prompt: tts('Thank you') }),
    node('none', 'hangup'),
  ],
  ['start:next->rec', 'rec:recorded->thanks', 'rec:noInput->none'],
  { variables: [{ name: 'message', type: 'string' }] },
);

const httpFlow = flow(
  [
    node('crm', 'http', {
      integration: { ref: 'crm' },
      method: 'POST',
      url: '/customers/{{call.caller}}',
      query: { lang: '{{call.language}}' },
      json: { phone: 'call.caller' },
      timeoutSeconds: 4,
      outputs: [{ variable: 'tier', value: 'response.body.tier' }],
    }),
    node('ok', 'hangup'),
    node('err', 'hangup'),
    node('slow', 'hangup'),
  ],
  ['start:next->crm', 'crm:ok->ok', 'crm:error->err', 'crm:timeout->slow'],
  { variables: [{ name: 'tier', type: 'string' }] },
);

const queueFlow = (answeredTo?: string) =>
  flow(
    [
      node('q', 'queue', {
        skillGroup: { ref: 'sales' },
        priority: 3,
        maxWaitSeconds: 120,
        announcePosition: false,
        announceEverySeconds: 30,
        holdMusic: 'moh.wav',
        callbackOfferAfterSeconds: 60,
        callbackKey: '9',
        prompt: tts('Please hold'),
      }),
      node('x', 'hangup', { prompt: tts('Sorry') }),
      node('after', 'play', { prompt: tts('How was it?') }),
    ],
    [
      'start:next->q',
      'q:overflow->x',
      'q:noAgents->x',
      'q:callback->x',
      ...(answeredTo ? [`q:answered->${answeredTo}`] : []),
    ],
  );

const transferFlow = (answeredTo?: string) =>
  flow(
    [
      node('t', 'transfer', {
        to: '+861088886666',
        timeoutSeconds: 20,
        callerId: '{{call.dialed}}',
        prompt: tts('Connecting you'),
      }),
      node('x', 'hangup', { prompt: tts('Nobody is free') }),
      node('after', 'play', { prompt: tts('How was it?') }),
    ],
    [
      'start:next->t',
      't:busy->x',
      't:noAnswer->x',
      't:failed->x',
      ...(answeredTo ? [`t:answered->${answeredTo}`] : []),
    ],
  );

const callbackFlow = (when: 'asap' | 'nextOpen') =>
  flow(
    [
      node('cb', 'callback', {
        skillGroup: { ref: 'sales' },
        when,
        ...(when === 'nextOpen' ? { schedule: { ref: 'office' } } : {}),
        prompt: tts('We will call you back'),
      }),
      node('x', 'hangup', { prompt: tts('Please try later') }),
    ],
    ['start:next->cb', 'cb:failed->x'],
  );

/** The caller hung up: the call ends there, no port is taken there and the driver does not hang up itself. */
function expectCallerHangup(run: ContractRun, at: string): void {
  expect(run.end).toEqual({ node: at, reason: 'callerHangup' });
  expect(portOf(run, at)).toBeUndefined();
  expect(requestsOf(run, 'hangup')).toEqual([]);
  expect(run.line).not.toContainEqual(expect.objectContaining({ kind: 'hangup' }));
}

const events = (run: ContractRun, kind: ContractRun['events'][number]['kind']) =>
  run.events.filter((e) => e.kind === kind);

export const driverContractCases: ContractCase[] = [
  {
    name: "the call is answered, prompts play in the call's language, and the goodbye plays before the driver hangs up",
    async run(tools) {
      const zh = await runCall(tools, greeting, { call: { language: 'zh-CN' } });
      expect(zh.end).toEqual({ node: 'bye', reason: 'hangup', detail: 'done' });
      expect(zh.asked.map((a) => a.effect)).toEqual(['answer', 'now', 'play', 'hangup']);
      expect(requestsOf(zh, 'answer')).toEqual([{ node: 'start', earlyMedia: false }]);
      expect(requestsOf(zh, 'play')).toEqual([
        { node: 'hello', prompt: { language: 'zh-CN', pieces: [{ kind: 'tts', text: '您好' }] }, bargeIn: false },
      ]);
      expect(requestsOf(zh, 'hangup')).toEqual([
        {
          node: 'bye',
          prompts: [{ language: 'zh-CN', pieces: [{ kind: 'tts', text: '再见' }] }],
          reason: 'hangup',
          detail: 'done',
        },
      ]);
      expect(zh.line).toEqual([
        { kind: 'answer', earlyMedia: false },
        { kind: 'play', language: 'zh-CN', text: '您好' },
        { kind: 'play', language: 'zh-CN', text: '再见' },
        { kind: 'hangup' },
      ]);
      const other = await runCall(tools, greeting, { call: { language: 'fr-FR' } });
      expect(other.line.filter((e) => e.kind === 'play')).toEqual([
        { kind: 'play', language: 'en-US', text: 'Hello' },
        { kind: 'play', language: 'en-US', text: 'Goodbye' },
      ]);
    },
  },
  {
    name: 'start.answer false opens early media instead of answering',
    async run(tools) {
      const run = await runCall(tools, withStart(greeting, { answer: false }), {});
      expect(requestsOf(run, 'answer')).toEqual([{ node: 'start', earlyMedia: true }]);
      expect(run.line[0]).toEqual({ kind: 'answer', earlyMedia: true });
      expect(playedTexts(run)).toEqual(['Hello', 'Goodbye']);
    },
  },
  {
    name: 'a prompt of several parts plays every piece in order, with filled-in values',
    async run(tools) {
      const f = flow(
        [
          node('set', 'set', { assignments: [{ variable: 'amount', value: '42' }] }),
          node('balance', 'play', {
            prompt: {
              parts: [
                { tts: { 'en-US': 'Your balance is' } },
                { sayAs: 'currency', value: '{{amount}}', currency: 'CNY' },
                { audio: { 'en-US': 'chime.wav' } },
              ],
            },
          }),
        ],
        ['start:next->set', 'set:next->balance'],
        { variables: [{ name: 'amount', type: 'number' }] },
      );
      const run = await runCall(tools, f, {});
      expect(requestsOf(run, 'play')[0]?.prompt).toEqual({
        language: 'en-US',
        pieces: [
          { kind: 'tts', text: 'Your balance is' },
          { kind: 'sayAs', as: 'currency', value: '42', currency: 'CNY' },
          { kind: 'audio', file: 'chime.wav' },
        ],
      });
      expect(playedTexts(run)).toEqual(['Your balance is', '42', 'chime.wav']);
      // An unconnected play.next ends the call normally: the driver hangs up.
      expect(run.end).toEqual({ node: 'balance', reason: 'hangup' });
      expect(run.line.at(-1)).toEqual({ kind: 'hangup' });
    },
  },
  {
    name: 'a menu key leaves by that key: one single-key attempt with the prompt, reported as an accepted input',
    async run(tools) {
      const run = await runCall(tools, menuFlow, { inputs: ['2'] });
      expect(portOf(run, 'menu')).toBe('2');
      expect(requestsOf(run, 'collect')).toEqual([
        {
          node: 'menu',
          prompts: [en('Press 1 or 2')],
          minDigits: 1,
          maxDigits: 1,
          terminator: '',
          timeoutSeconds: 3,
          sensitive: false,
          attempt: 0,
        },
      ]);
      expect(playedTexts(run)).toEqual(['Press 1 or 2', 'Bye']);
      expect(events(run, 'inputOutcome')).toEqual([
        { kind: 'inputOutcome', node: 'menu', attempt: 0, via: 'dtmf', outcome: 'accepted', value: '2' },
      ]);
    },
  },
  {
    name: 'silence at every attempt: the no-input prompt before each retry, then the noInput port',
    async run(tools) {
      const run = await runCall(tools, menuFlow, { inputs: ['', ''] });
      expect(portOf(run, 'menu')).toBe('noInput');
      expect(requestsOf(run, 'collect').map((r) => [r.attempt, r.prompts])).toEqual([
        [0, [en('Press 1 or 2')]],
        [1, [en('Sorry, I did not hear you.'), en('Press 1 or 2')]],
      ]);
      expect(playedTexts(run)).toEqual(['Press 1 or 2', 'Sorry, I did not hear you.', 'Press 1 or 2', 'Bye']);
      expect(
        events(run, 'inputOutcome').map((e) => e.kind === 'inputOutcome' && [e.attempt, e.outcome, e.value]),
      ).toEqual([
        [0, 'noInput', undefined],
        [1, 'noInput', undefined],
      ]);
    },
  },
  {
    name: 'invalid keys: the invalid prompt before the retry, a valid key then wins; invalid at every attempt leaves by invalid',
    async run(tools) {
      const retried = await runCall(tools, menuFlow, { inputs: ['9', '1'] });
      expect(portOf(retried, 'menu')).toBe('1');
      expect(playedTexts(retried)).toEqual(['Press 1 or 2', 'That is not an option.', 'Press 1 or 2', 'Bye']);
      expect(events(retried, 'inputOutcome').map((e) => e.kind === 'inputOutcome' && [e.outcome, e.value])).toEqual([
        ['invalid', '9'],
        ['accepted', '1'],
      ]);
      expect(portOf(await runCall(tools, menuFlow, { inputs: ['9', '8'] }), 'menu')).toBe('invalid');
    },
  },
  {
    name: 'collected digits stop at the terminator and at maxDigits; keys after that are not read',
    async run(tools) {
      const terminated = await runCall(tools, pinFlow(), { inputs: ['4321#99'] });
      expect(requestsOf(terminated, 'collect')).toEqual([
        {
          node: 'pin',
          prompts: [en('Enter your PIN')],
          minDigits: 4,
          maxDigits: 6,
          terminator: '#',
          timeoutSeconds: 5,
          sensitive: false,
          attempt: 0,
        },
      ]);
      expect(portOf(terminated, 'pin')).toBe('ok');
      expect(terminated.vars.pin).toBe('4321');
      expect(playedTexts(terminated)).toEqual(['Enter your PIN']);
      const long = await runCall(tools, pinFlow(), { inputs: ['12345678'] });
      expect([portOf(long, 'pin'), long.vars.pin]).toEqual(['ok', '123456']);
      const star = await runCall(tools, pinFlow({ terminator: '*' }), { inputs: ['5555*#'] });
      expect([portOf(star, 'pin'), star.vars.pin]).toEqual(['ok', '5555']);
      const onlyTerminator = await runCall(tools, pinFlow(), { inputs: ['#'] });
      expect(portOf(onlyTerminator, 'pin')).toBe('noInput');
      const short = await runCall(tools, pinFlow(), { inputs: ['12#'] });
      expect(portOf(short, 'pin')).toBe('invalid');
    },
  },
  {
    name: 'a sensitive collect is asked as sensitive and its input outcome is masked',
    async run(tools) {
      const run = await runCall(tools, pinFlow({ sensitive: true }), { inputs: ['9876#'] });
      expect(requestsOf(run, 'collect')[0]?.sensitive).toBe(true);
      expect(portOf(run, 'pin')).toBe('ok');
      expect(events(run, 'inputOutcome')).toEqual([
        { kind: 'inputOutcome', node: 'pin', attempt: 0, via: 'dtmf', outcome: 'accepted', value: MASK },
      ]);
      expect(JSON.stringify(run.events)).not.toContain('9876');
    },
  },
  {
    name: 'type-ahead is flushed: keys pressed during a prompt that takes no input never reach the next menu',
    async run(tools) {
      for (const bargeIn of [false, true]) {
        const run = await runCall(tools, typeAheadFlow(bargeIn), { inputs: ['2'], keysDuringPrompt: { welcome: '1' } });
        expect(requestsOf(run, 'play')[0]?.bargeIn).toBe(bargeIn);
        expect(playedTexts(run).slice(0, 2)).toEqual(['Welcome', 'Press 1 or 2']);
        expect(portOf(run, 'menu')).toBe('2');
      }
    },
  },
  {
    name: 'speech is recognised and matched to an intent; the intent key works too',
    async run(tools) {
      const said = await runCall(tools, speechFlow, { inputs: [{ say: 'a question about my bill' }] });
      expect(requestsOf(said, 'recognize')).toEqual([
        {
          node: 'ask',
          prompts: [en('How can I help?')],
          timeoutSeconds: 4,
          hints: ['bill'],
          dtmfKeys: ['1'],
          sensitive: false,
          attempt: 0,
        },
      ]);
      expect(said.end.node).toBe('b');
      expect(said.vars.said).toBe('a question about my bill');
      expect(events(said, 'inputOutcome')).toEqual([
        {
          kind: 'inputOutcome',
          node: 'ask',
          attempt: 0,
          via: 'speech',
          outcome: 'accepted',
          value: 'a question about my bill',
        },
      ]);
      const keyed = await runCall(tools, speechFlow, { inputs: ['1'] });
      expect(keyed.end.node).toBe('b');
      const silent = await runCall(tools, speechFlow, { inputs: [''] });
      expect(portOf(silent, 'ask')).toBe('noInput');
    },
  },
  {
    name: 'record: the prompt, the recording (with or without beep) kept in the variable; nothing said leaves by noInput',
    async run(tools) {
      const run = await runCall(tools, recordFlow, { mocks: { record: { rec: { seconds: 12 } } } });
      expect(requestsOf(run, 'record')).toEqual([
        {
          node: 'rec',
          prompts: [en('Leave a message after the tone')],
          purpose: 'voicemail',
          mailbox: 'sales',
          beep: true,
          maxSeconds: 60,
          silenceSeconds: 3,
        },
      ]);
      expect(portOf(run, 'rec')).toBe('recorded');
      expect(run.vars.message).toEqual(expect.stringMatching(/./));
      expect(run.line).toEqual([
        { kind: 'answer', earlyMedia: false },
        { kind: 'play', language: 'en-US', text: 'Leave a message after the tone' },
        { kind: 'record', beep: true },
        { kind: 'play', language: 'en-US', text: 'Thank you' },
        { kind: 'hangup' },
      ]);
      const silent = await runCall(tools, withoutBeep(recordFlow), { mocks: { record: { rec: { seconds: 0 } } } });
      expect(requestsOf(silent, 'record')[0]?.beep).toBe(false);
      expect(silent.line).toContainEqual({ kind: 'record', beep: false });
      expect(portOf(silent, 'rec')).toBe('noInput');
      expect(silent.vars.message).toBeNull();
    },
  },
  {
    name: 'http: the request as built (integration key, base URL, query, JSON body); ok, error status, timeout and network error',
    async run(tools) {
      const ok = await runCall(tools, httpFlow, { mocks: { http: { crm: { status: 200, body: { tier: 'vip' } } } } });
      expect(requestsOf(ok, 'http')).toEqual([
        {
          node: 'crm',
          method: 'POST',
          url: 'https://crm.example.com/api/customers/%2B8613800138000?lang=en-US',
          relativeUrl: '/customers/%2B8613800138000?lang=en-US',
          headers: { 'X-Client': 'callflow', 'Content-Type': 'application/json' },
          body: '{"phone":"+8613800138000"}',
          timeoutSeconds: 4,
          integration: 'crm',
          allowInternal: false,
        },
      ]);
      expect([ok.end.node, ok.vars.tier]).toEqual(['ok', 'vip']);
      const refused = await runCall(tools, httpFlow, {
        mocks: { http: { crm: { status: 503, body: { tier: 'gold' } } } },
      });
      expect([refused.end.node, refused.vars.tier]).toEqual(['err', null]);
      expect((await runCall(tools, httpFlow, { mocks: { http: { crm: { timeout: true } } } })).end.node).toBe('slow');
      expect((await runCall(tools, httpFlow, { mocks: { http: { crm: { networkError: true } } } })).end.node).toBe(
        'err',
      );
    },
  },
  {
    name: 'queue: every outcome with its wait; answered resolves after the agent hung up and ends the call as queued',
    async run(tools) {
      const answered = await runCall(tools, queueFlow(), {
        mocks: { queue: { sales: { outcome: 'answered', waitSeconds: 42 } } },
      });
      expect(requestsOf(answered, 'enqueue')).toEqual([
        {
          node: 'q',
          skillGroup: { key: 'sales', name: 'Sales' },
          priority: 3,
          maxWaitSeconds: 120,
          announcePosition: false,
          announceWaitTime: true,
          announceEverySeconds: 30,
          holdMusic: 'moh.wav',
          callbackOffer: { afterSeconds: 60, key: '9' },
          prompts: [en('Please hold')],
        },
      ]);
      expect(answered.end).toEqual({ node: 'q', reason: 'queued' });
      expect(playedTexts(answered)).toEqual(['Please hold']);
      expect(events(answered, 'queueJoined')).toEqual([
        { kind: 'queueJoined', node: 'q', skillGroup: 'sales', priority: 3 },
      ]);
      expect(events(answered, 'queueLeft')).toEqual([
        {
          kind: 'queueLeft',
          node: 'q',
          skillGroup: 'sales',
          outcome: 'answered',
          waitSeconds: 42,
          bridge: { endedBy: 'other', talkSeconds: expect.any(Number) },
        },
      ]);
      for (const outcome of ['overflow', 'noAgents', 'callback'] as const) {
        const run = await runCall(tools, queueFlow(), { mocks: { queue: { sales: { outcome, waitSeconds: 7 } } } });
        expect(portOf(run, 'q')).toBe(outcome);
        expect(run.end).toEqual({ node: 'x', reason: 'hangup' });
        expect(events(run, 'queueLeft')).toEqual([
          { kind: 'queueLeft', node: 'q', skillGroup: 'sales', outcome, waitSeconds: 7 },
        ]);
      }
      // answered connected: the flow goes on after the conversation.
      const survey = await runCall(tools, queueFlow('after'), { mocks: { queue: { sales: { outcome: 'answered' } } } });
      expect(portOf(survey, 'q')).toBe('answered');
      expect(playedTexts(survey)).toEqual(['Please hold', 'How was it?']);
    },
  },
  {
    name: 'transfer: every outcome; answered resolves after the far end hung up and ends the call as transferred',
    async run(tools) {
      const answered = await runCall(tools, transferFlow(), { mocks: { transfer: { t: { outcome: 'answered' } } } });
      expect(requestsOf(answered, 'transfer')).toEqual([
        { node: 't', to: '+861088886666', callerId: '4008001234', timeoutSeconds: 20, prompts: [en('Connecting you')] },
      ]);
      expect(answered.end).toEqual({ node: 't', reason: 'transferred' });
      expect(playedTexts(answered)).toEqual(['Connecting you']);
      expect(events(answered, 'transferEnded')).toEqual([
        {
          kind: 'transferEnded',
          node: 't',
          to: '+861088886666',
          outcome: 'answered',
          bridge: { endedBy: 'other', talkSeconds: expect.any(Number) },
        },
      ]);
      for (const outcome of ['busy', 'noAnswer', 'failed'] as const) {
        const run = await runCall(tools, transferFlow(), { mocks: { transfer: { t: { outcome } } } });
        expect(portOf(run, 't')).toBe(outcome);
        // The caller's leg stays up after a failed attempt: the flow apologises and hangs up itself.
        expect(playedTexts(run)).toEqual(['Connecting you', 'Nobody is free']);
        expect(run.end).toEqual({ node: 'x', reason: 'hangup' });
        expect(events(run, 'transferEnded')).toEqual([
          { kind: 'transferEnded', node: 't', to: '+861088886666', outcome },
        ]);
      }
    },
  },
  {
    name: 'a caller hangup during the bridge resolves answered, ends the call queued/transferred there and skips what follows',
    async run(tools) {
      const queued = await runCall(tools, queueFlow('after'), {
        mocks: { queue: { sales: { outcome: 'answered', waitSeconds: 5 } } },
        hangup: { node: 'q', during: 'bridge' },
      });
      expect(queued.end).toEqual({ node: 'q', reason: 'queued', detail: 'The caller hung up during the bridge.' });
      expect(portOf(queued, 'q')).toBe('answered');
      expect(requestsOf(queued, 'play')).toEqual([]);
      expect(requestsOf(queued, 'hangup')).toEqual([]);
      expect(events(queued, 'queueLeft')).toMatchObject([
        { outcome: 'answered', waitSeconds: 5, bridge: { endedBy: 'caller' } },
      ]);
      const transferred = await runCall(tools, transferFlow('after'), {
        mocks: { transfer: { t: { outcome: 'answered' } } },
        hangup: { node: 't', during: 'bridge' },
      });
      expect(transferred.end).toEqual({
        node: 't',
        reason: 'transferred',
        detail: 'The caller hung up during the bridge.',
      });
      expect(requestsOf(transferred, 'play')).toEqual([]);
      expect(transferred.line).not.toContainEqual(expect.objectContaining({ kind: 'hangup' }));
      expect(events(transferred, 'transferEnded')).toMatchObject([
        { outcome: 'answered', bridge: { endedBy: 'caller' } },
      ]);
    },
  },
  {
    name: 'a caller hangup during a prompt, an input, a recording, a queue wait or ringing ends the call callerHangup there',
    async run(tools) {
      expectCallerHangup(await runCall(tools, greeting, { hangup: { node: 'hello', during: 'prompt' } }), 'hello');
      expectCallerHangup(await runCall(tools, menuFlow, { inputs: [{ hangup: true }] }), 'menu');
      expectCallerHangup(await runCall(tools, menuFlow, { inputs: ['', { hangup: true }] }), 'menu');
      expectCallerHangup(await runCall(tools, pinFlow(), { inputs: [{ hangup: true }] }), 'pin');
      expectCallerHangup(await runCall(tools, speechFlow, { inputs: [{ hangup: true }] }), 'ask');
      expectCallerHangup(await runCall(tools, recordFlow, { inputs: [{ hangup: true }] }), 'rec');
      const queue = await runCall(tools, queueFlow(), { inputs: [{ hangup: true }] });
      expectCallerHangup(queue, 'q');
      expect(events(queue, 'queueLeft')).toEqual([
        { kind: 'queueLeft', node: 'q', skillGroup: 'sales', outcome: 'abandoned' },
      ]);
      const ringing = await runCall(tools, transferFlow(), { inputs: [{ hangup: true }] });
      expectCallerHangup(ringing, 't');
      expect(events(ringing, 'transferEnded')).toEqual([
        { kind: 'transferEnded', node: 't', to: '+861088886666', outcome: 'abandoned' },
      ]);
    },
  },
  {
    name: 'scheduleCallback: the request (number, group, when, schedule); scheduled plays the confirmation, failed leaves by failed',
    async run(tools) {
      const asap = await runCall(tools, callbackFlow('asap'), {
        mocks: { callback: { cb: { outcome: 'scheduled' } } },
      });
      expect(requestsOf(asap, 'scheduleCallback')).toEqual([
        { node: 'cb', number: '+8613800138000', skillGroup: { key: 'sales', name: 'Sales' }, when: 'asap' },
      ]);
      expect(portOf(asap, 'cb')).toBe('scheduled');
      expect(playedTexts(asap)).toEqual(['We will call you back']);
      const next = await runCall(tools, callbackFlow('nextOpen'), {});
      expect(requestsOf(next, 'scheduleCallback')[0]).toMatchObject({ when: 'nextOpen', schedule: office });
      const failed = await runCall(tools, callbackFlow('asap'), { mocks: { callback: { cb: { outcome: 'failed' } } } });
      expect(portOf(failed, 'cb')).toBe('failed');
      expect(playedTexts(failed)).toEqual(['Please try later']);
    },
  },
  {
    name: 'now gives the call clock: a schedule sees the call time',
    async run(tools) {
      const f = flow(
        [node('hours', 'schedule', { schedule: { ref: 'office' } }), node('o', 'hangup'), node('c', 'hangup')],
        ['start:next->hours', 'hours:open->o', 'hours:closed->c', 'hours:holiday->c'],
      );
      expect((await runCall(tools, f, { call: { at: '2026-11-23T10:00:00+08:00' } })).end.node).toBe('o');
      expect((await runCall(tools, f, { call: { at: '2026-11-23T20:00:00+08:00' } })).end.node).toBe('c');
    },
  },
  {
    name: 'a driver that throws ends the call with reason error naming the node and effect, and still hangs up',
    async run(tools) {
      const synchronous = tools.harness.driver.synchronous === true;
      const override: EffectOverride = (effect, _request, _context, next) => {
        if (effect !== 'http') return next();
        const error = new Error('ESL connection lost');
        if (synchronous) throw error;
        return Promise.reject(error);
      };
      const run = await runCall(tools, httpFlow, { mocks: { http: { crm: { status: 200 } } } }, { override });
      expect(run.end).toEqual({
        node: 'crm',
        reason: 'error',
        detail: 'Node "crm": the http effect failed: ESL connection lost',
      });
      expect(requestsOf(run, 'hangup')).toMatchObject([{ node: 'crm', reason: 'error' }]);
      expect(run.line.at(-1)).toEqual({ kind: 'hangup' });
    },
  },
  {
    name: 'leaving a state while its effect waits aborts the signal the driver got; its late answer changes nothing',
    async run(tools) {
      if (tools.harness.driver.synchronous) {
        // A synchronous driver is never left waiting: every answer must be immediate, never a promise.
        const answers: unknown[] = [];
        const override: EffectOverride = (_effect, _request, _context, next) => {
          const answer = next();
          answers.push(answer);
          return answer;
        };
        const run = await runCall(tools, menuFlow, { inputs: ['1'] }, { override });
        expect(answers.filter(isPromiseLike)).toEqual([]);
        expect(run.end).toEqual({ node: 'bye', reason: 'hangup' });
        return;
      }
      let signal: AbortSignal | undefined;
      let asked!: () => void;
      const collectAsked = new Promise<void>((resolve) => (asked = resolve));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const override: EffectOverride = (effect, _request, context, next) => {
        if (effect !== 'collect') return next();
        signal = context.signal;
        const answer = Promise.resolve(next());
        asked();
        // Hold the driver's answer until the machine has left the state.
        return answer.then(async (value) => {
          await held;
          return value;
        });
      };
      const run = await runCall(
        tools,
        menuFlow,
        { inputs: ['1'] },
        {
          override,
          during: async (actor) => {
            await collectAsked;
            expect(signal?.aborted).toBe(false);
            actor.send({ type: 'call.hangup' });
            release();
          },
        },
      );
      expect(signal?.aborted).toBe(true);
      expect(run.end).toEqual({ node: 'menu', reason: 'callerHangup' });
      expect(run.asked.map((a) => a.effect)).toEqual(['answer', 'now', 'collect']);
      expect(portOf(run, 'menu')).toBeUndefined();
    },
  },
  {
    name: 'several concurrent calls on one driver each follow their own script and language',
    async run(tools) {
      const bilingual = flow(
        [
          node('menu', 'menu', {
            prompt: { tts: { 'en-US': 'Press 1 or 2', 'zh-CN': '请按1或2' } },
            options: [{ key: '1' }, { key: '2' }],
            maxAttempts: 1,
          }),
          node('one', 'hangup', { prompt: { tts: { 'en-US': 'One', 'zh-CN': '一' } } }),
          node('two', 'hangup', { prompt: { tts: { 'en-US': 'Two', 'zh-CN': '二' } } }),
          node('none', 'hangup'),
        ],
        ['start:next->menu', 'menu:1->one', 'menu:2->two', 'menu:noInput->none', 'menu:invalid->none'],
        { languages: ['en-US', 'zh-CN'] },
      );
      const scripts: Partial<DriverScript>[] = [
        { inputs: ['1'], call: { language: 'en-US', caller: '+8613800000001' } },
        { inputs: ['2'], call: { language: 'zh-CN', caller: '+8613800000002' } },
        { inputs: [''], call: { language: 'en-US', caller: '+8613800000003' } },
        { inputs: ['2'], call: { language: 'en-US', caller: '+8613800000004' } },
        { inputs: ['1'], call: { language: 'zh-CN', caller: '+8613800000005' } },
        { inputs: [{ hangup: true }], call: { language: 'zh-CN', caller: '+8613800000006' } },
      ];
      const runs = await Promise.all(scripts.map((script) => runCall(tools, bilingual, script)));
      expect(runs.map((r) => [r.end.node, r.end.reason])).toEqual([
        ['one', 'hangup'],
        ['two', 'hangup'],
        ['none', 'hangup'],
        ['two', 'hangup'],
        ['one', 'hangup'],
        ['menu', 'callerHangup'],
      ]);
      expect(runs.map((r) => playedTexts(r))).toEqual([
        ['Press 1 or 2', 'One'],
        ['请按1或2', '二'],
        ['Press 1 or 2'],
        ['Press 1 or 2', 'Two'],
        ['请按1或2', '一'],
        ['请按1或2'],
      ]);
    },
  },
];

async function runCase<Session>(options: DriverContractOptions<Session>, contractCase: ContractCase): Promise<void> {
  const harness = await options.newDriver();
  try {
    await contractCase.run({ harness, limits: options.limits, resources });
  } finally {
    await harness.teardown?.();
  }
}

/**
 * Register the contract's cases, one test each, in the current test file.
 * @example
 * runDriverContract({ newDriver: () => simulatorHarness(simulatorDriver) });
 */
export function runDriverContract<Session>(options: DriverContractOptions<Session>): void {
  describe('driver contract', () => {
    for (const contractCase of driverContractCases) test(contractCase.name, () => runCase(options, contractCase));
  });
}

export interface ContractVerdict {
  name: string;
  passed: boolean;
  /** The first failed assertion or error (first line). */
  error?: string;
}

/** Run every case without registering tests (to prove a broken driver fails): one verdict per case. */
export async function checkDriverContract<Session>(
  options: DriverContractOptions<Session>,
): Promise<ContractVerdict[]> {
  const verdicts: ContractVerdict[] = [];
  for (const contractCase of driverContractCases) {
    try {
      await runCase(options, contractCase);
      verdicts.push({ name: contractCase.name, passed: true });
    } catch (error) {
      verdicts.push({
        name: contractCase.name,
        passed: false,
        error: (error instanceof Error ? error.message : String(error)).split('\n')[0],
      });
    }
  }
  return verdicts;
}
