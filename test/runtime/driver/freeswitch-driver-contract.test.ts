// The shared driver contract, run against the FreeSWITCH driver over real TCP and drachtio-modesl, the ESL simulator playing FreeSWITCH.

import path from 'node:path';
import {
  effectNames,
  type CallDriver,
  type EffectContext,
  type EnqueueResult,
  type HttpResult,
} from '../../../flow-engine/driver';
import type { LineEvent } from '../../../flow-engine/simulator';
import type { Mocks } from '../../../flow-engine/test-case';
import { FreeSwitchDriver, type FreeSwitchSession } from '../../../runtime/driver/freeswitch-driver';
import { defaultHoldMusic } from '../../../runtime/esl/commands';
import type { EslCall } from '../../../runtime/esl/esl-call';
import { startOutboundServer } from '../../../runtime/esl/outbound-server';
import { dial, type DialTrace, type HeardEvent } from '../../../runtime/esl-simulator';
import { runDriverContract, type DriverHarness, type DriverScript } from '../../flow-engine/driver/run-driver-contract';

const SOUNDS = '/usr/share/freeswitch/sounds/callflow';
/** Voice names are the languages, so what the caller heard tells its language. */
const voices = { 'en-US': { engine: 'flite', voice: 'en-US' }, 'zh-CN': { engine: 'tts_commandline', voice: 'zh-CN' } };
const sayLanguages: Record<string, string> = { en: 'en-US', zh: 'zh-CN' };

/** The simulator's record of the line as the contract's line events. */
function lineEvents(heard: HeardEvent[]): LineEvent[] {
  let language = 'en-US';
  return heard.map((event): LineEvent => {
    if (event.kind !== 'play') return event;
    if (event.file) return { kind: 'play', language, text: path.relative(SOUNDS, event.text) };
    language = event.voice?.includes('|')
      ? (event.voice.split('|')[1] ?? language)
      : (sayLanguages[event.voice ?? ''] ?? language);
    return { kind: 'play', language, text: event.text };
  });
}

interface ScriptedCall {
  script: DriverScript;
  /** The node whose effect runs now (the harness's driver notes it), for keys/hangups scripted per node. */
  node: string;
  trace: Promise<DialTrace>;
  call: EslCall;
}

/** Effects that leave the switch (HTTP, queue decisions, callbacks) answered from the script's mocks; the rest is real ESL. */
function harnessDriver(calls: Map<FreeSwitchSession, ScriptedCall>): CallDriver<FreeSwitchSession> {
  const mocksOf = (session: FreeSwitchSession): Mocks => calls.get(session)!.script.mocks;
  const driver: FreeSwitchDriver = new FreeSwitchDriver({
    voices,
    asrEngine: 'unimrcp',
    soundsDir: SOUNDS,
    recordingsDir: '/var/lib/freeswitch/recordings/callflow',
    transferDialString: 'loopback/{number}/default',
    async http(request): Promise<HttpResult> {
      const session = [...calls.keys()].find(
        (s) => calls.get(s)!.node === request.node && calls.get(s)!.script.mocks.http,
      );
      const mock = session ? mocksOf(session).http?.[request.node] : undefined;
      if (!mock || mock.networkError) return { kind: 'networkError', message: 'connection refused' };
      if (mock.timeout) return { kind: 'timeout' };
      return { kind: 'response', status: mock.status ?? 200, body: mock.body ?? null, headers: mock.headers ?? {} };
    },
    async enqueue(request, session): Promise<EnqueueResult> {
      const mock = mocksOf(session).queue?.[request.skillGroup.key];
      await driver.playPrompts(session, request.prompts);
      if (mock?.outcome === 'answered') {
        const bridged = await driver.bridgeTo(session, 'loopback/agent/default', 20);
        if (bridged.outcome === 'answered')
          return { outcome: 'answered', waitSeconds: mock.waitSeconds ?? 0, bridge: bridged.bridge };
      }
      // A moment of hold music: a caller scripted to hang up while waiting does it here.
      const hold = session.call.startMedia('playback', defaultHoldMusic, 10_000);
      await hold.stop();
      await hold.done;
      const outcome = mock?.outcome === 'answered' ? 'noAgents' : (mock?.outcome ?? 'noAgents');
      return { outcome, waitSeconds: mock?.waitSeconds ?? 0 };
    },
    async scheduleCallback(request, session) {
      return { outcome: mocksOf(session).callback?.[request.node]?.outcome ?? 'scheduled' };
    },
  });
  const wrapped: Record<string, unknown> = {};
  for (const name of effectNames) {
    const effect = driver[name] as unknown as (
      request: { node: string },
      context: EffectContext<FreeSwitchSession>,
    ) => unknown;
    wrapped[name] = (request: { node: string }, context: EffectContext<FreeSwitchSession>) => {
      const scripted = calls.get(context.session);
      if (scripted) scripted.node = request.node;
      return effect.call(driver, request, context);
    };
  }
  return wrapped as unknown as CallDriver<FreeSwitchSession>;
}

async function freeSwitchHarness(): Promise<DriverHarness<FreeSwitchSession>> {
  const arrivals: ((call: EslCall) => void)[] = [];
  const server = await startOutboundServer({ host: '127.0.0.1', port: 0, onCall: (call) => arrivals.shift()?.(call) });
  const calls = new Map<FreeSwitchSession, ScriptedCall>();
  return {
    driver: harnessDriver(calls),
    async call(script) {
      const arrived = new Promise<EslCall>((resolve) => arrivals.push(resolve));
      const bridges = Object.values(script.mocks.transfer ?? {}).map((mock) => mock.outcome);
      const record = Object.values(script.mocks.record ?? {})[0];
      let scripted: ScriptedCall | undefined;
      const prompted = new Set<string>();
      const trace = dial(server.address, {
        destination: script.call.dialed ?? '4008001234',
        caller: script.call.caller,
        inputs: script.inputs,
        bridges,
        asr: true,
        recordSeconds: record?.seconds,
        duringPrompt: () => {
          const node = scripted?.node ?? '';
          // Once per node: the keys (or the hangup) come during its first prompt piece.
          if (prompted.has(node)) return undefined;
          prompted.add(node);
          return {
            keys: script.keysDuringPrompt?.[node],
            hangup: script.hangup?.during === 'prompt' && script.hangup.node === node,
          };
        },
        duringBridge: () => ({ hangup: script.hangup?.during === 'bridge' && script.hangup.node === scripted?.node }),
      });
      const call = await arrived;
      // The contract's calls happen at the script's instant; the call clock runs from there.
      const startsAt = Date.parse(script.call.at ?? new Date().toISOString());
      const connectedAt = Date.now();
      const session: FreeSwitchSession = { call, clock: () => new Date(startsAt + Date.now() - connectedAt) };
      scripted = { script, node: 'start', trace, call };
      calls.set(session, scripted);
      return {
        session,
        async line() {
          // The flow is over: a runtime would now hang up any leg still up; the line log stops here.
          call.close();
          return lineEvents((await trace).heard);
        },
      };
    },
    async teardown() {
      for (const { call } of calls.values()) call.close();
      await Promise.all([...calls.values()].map((c) => c.trace));
      await server.stopAccepting();
    },
  };
}

runDriverContract<FreeSwitchSession>({ newDriver: freeSwitchHarness });
