// Shared cases every CallDriver must pass (simulator now, FreeSWITCH later): each drives a compiled flow to its end.

import { describe, expect, test } from 'vitest';
import { createActor, toPromise } from 'xstate';
import { compile, type CallEnd, type CallObserver } from '../../../flow-engine/compile';
import { bindDriver, type CallDriver } from '../../../flow-engine/driver';
import type { FlowDocument } from '../../../flow-engine/document';
import { resolverFromBundle } from '../../../flow-engine/resources';
import type { CallerInput, CallSetup, Mocks } from '../../../flow-engine/test-case';
import { flow, node, tts } from '../support/build-flow';

/** What the caller does and what the outside world answers; a driver's harness plays it out. */
export interface DriverScript {
  call: CallSetup;
  inputs: CallerInput[];
  mocks: Mocks;
}

export interface DriverUnderTest<Session> {
  driver: CallDriver<Session>;
  session: Session;
}

export interface DriverContractOptions<Session> {
  newDriver(script: DriverScript): DriverUnderTest<Session> | Promise<DriverUnderTest<Session>>;
}

interface ContractRun {
  end: CallEnd;
  steps: { node: string; port: string }[];
}

const resources = resolverFromBundle({ skillGroups: { sales: { name: 'Sales' } } });

async function runCall<Session>(options: DriverContractOptions<Session>, f: FlowDocument, script: Partial<DriverScript>): Promise<ContractRun> {
  const full: DriverScript = { call: { caller: '+8613800138000', dialed: '4008001234', at: '2026-11-23T10:00:00+08:00', ...script.call }, inputs: script.inputs ?? [], mocks: script.mocks ?? {} };
  const { driver, session } = await options.newDriver(full);
  const steps: ContractRun['steps'] = [];
  const observer: CallObserver = { nodeEntered() {}, portTaken: (n, port) => steps.push({ node: n, port }), callEnded() {} };
  const actor = createActor(bindDriver(compile(f, { resources }).machine, driver), { input: { call: full.call, session, observer } });
  actor.start();
  const end = (await toPromise(actor)) as CallEnd;
  return { end, steps };
}

const portOf = (run: ContractRun, id: string) => run.steps.find((s) => s.node === id)?.port;

/**
 * Register the shared driver cases in the current test file.
 * @example
 * runDriverContract({ newDriver: (script) => ({ driver: simulatorDriver, session: new SimulatedCall(script.inputs, script.mocks, Date.parse(script.call.at!)) }) });
 */
export function runDriverContract<Session>(options: DriverContractOptions<Session>): void {
  describe('driver contract', () => {
    const menuFlow = flow(
      [node('menu', 'menu', { prompt: tts('Press 1 or 2'), options: [{ key: '1' }, { key: '2' }], maxAttempts: 2, timeoutSeconds: 1 }), node('bye', 'hangup', { prompt: tts('Bye') })],
      ['start:next->menu', 'menu:1->bye', 'menu:2->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
    );

    test('play and hangup complete: the call ends with reason hangup at the hangup node', async () => {
      const f = flow([node('hello', 'play', { prompt: tts('Hello') }), node('bye', 'hangup', { prompt: tts('Bye') })], ['start:next->hello', 'hello:next->bye']);
      const run = await runCall(options, f, {});
      expect(run.end).toEqual({ node: 'bye', reason: 'hangup' });
      expect(run.steps).toEqual([
        { node: 'start', port: 'next' },
        { node: 'hello', port: 'next' },
      ]);
    });

    test('a key pressed at a menu leaves by that key', async () => {
      expect(portOf(await runCall(options, menuFlow, { inputs: ['2'] }), 'menu')).toBe('2');
    });

    test('silence at every attempt of a menu leaves by noInput', async () => {
      expect(portOf(await runCall(options, menuFlow, { inputs: ['', ''] }), 'menu')).toBe('noInput');
    });

    test('the caller hanging up at an input ends the call with callerHangup', async () => {
      expect((await runCall(options, menuFlow, { inputs: [{ hangup: true }] })).end).toEqual({ node: 'menu', reason: 'callerHangup' });
    });

    test('collected digits stop at the terminator', async () => {
      const f = flow(
        [node('pin', 'collect', { prompt: tts('PIN'), variable: 'pin', minDigits: 4, maxDigits: 6 }), node('ok', 'hangup'), node('bad', 'hangup')],
        ['start:next->pin', 'pin:ok->ok', 'pin:invalid->bad', 'pin:noInput->bad'],
        { variables: [{ name: 'pin', type: 'string' }] },
      );
      expect((await runCall(options, f, { inputs: ['4321#'] })).end.node).toBe('ok');
    });

    test('speech is recognised and matched to an intent', async () => {
      const f = flow(
        [node('ask', 'speech', { prompt: tts('How can I help?'), intents: [{ name: 'billing', phrases: ['bill'] }] }), node('b', 'hangup'), node('x', 'hangup')],
        ['start:next->ask', 'ask:billing->b', 'ask:noMatch->x', 'ask:noInput->x'],
      );
      expect((await runCall(options, f, { inputs: [{ say: 'a question about my bill' }] })).end.node).toBe('b');
    });

    test('now gives the call clock: a schedule sees the call time', async () => {
      const f = flow(
        [node('hours', 'schedule', { schedule: { timezone: 'Asia/Shanghai', weekly: { mon: [{ from: '09:00', to: '18:00' }] } } }), node('o', 'hangup'), node('c', 'hangup')],
        ['start:next->hours', 'hours:open->o', 'hours:closed->c', 'hours:holiday->c'],
      );
      expect((await runCall(options, f, { call: { at: '2026-11-23T10:00:00+08:00' } })).end.node).toBe('o');
      expect((await runCall(options, f, { call: { at: '2026-11-23T20:00:00+08:00' } })).end.node).toBe('c');
    });

    test('an answered queue ends the call as queued, an answered transfer as transferred', async () => {
      const q = flow([node('q', 'queue', { skillGroup: { ref: 'sales' } }), node('x', 'hangup')], ['start:next->q', 'q:overflow->x', 'q:noAgents->x', 'q:callback->x']);
      expect((await runCall(options, q, { mocks: { queue: { sales: { outcome: 'answered' } } } })).end).toEqual({ node: 'q', reason: 'queued' });
      const t = flow([node('t', 'transfer', { to: '+861088886666' }), node('x', 'hangup')], ['start:next->t', 't:busy->x', 't:noAnswer->x', 't:failed->x']);
      expect((await runCall(options, t, { mocks: { transfer: { t: { outcome: 'answered' } } } })).end).toEqual({ node: 't', reason: 'transferred' });
    });

    test('an HTTP answer with an accepted status leaves by ok', async () => {
      const f = flow(
        [node('crm', 'http', { url: 'https://crm.example.com/customers/{{call.caller}}' }), node('ok', 'hangup'), node('x', 'hangup')],
        ['start:next->crm', 'crm:ok->ok', 'crm:error->x', 'crm:timeout->x'],
      );
      expect((await runCall(options, f, { mocks: { http: { crm: { status: 200, body: { tier: 'vip' } } } } })).end.node).toBe('ok');
    });
  });
}
