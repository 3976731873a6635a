// The simulator driver: answers every effect synchronously from the test case's inputs and mocks.

import { CallerHangupError, type BridgeEnd, type CallDriver, type RenderedPrompt } from '../driver/call-driver';
import { MASK, mockFor, type SimulatedCall } from './simulated-call';
import type { CallerInput } from '../test-case';
import type { AwaitedInput } from './caller-script';

type InputKind =
  { kind: 'hangup' } | { kind: 'silence' } | { kind: 'digits'; digits: string } | { kind: 'speech'; text: string };

function classify(input: CallerInput | undefined): InputKind {
  if (input === undefined) return { kind: 'hangup' };
  if (typeof input === 'string') return input === '' ? { kind: 'silence' } : { kind: 'digits', digits: input };
  if ('hangup' in input) return { kind: 'hangup' };
  return { kind: 'speech', text: input.say };
}

/** What the caller hears goes into the transcript and, for the driver contract, the line log. */
function played(call: SimulatedCall, node: string, prompts: readonly RenderedPrompt[]): void {
  call.played(node, prompts);
  call.linePlayed(prompts);
}

/**
 * The script has run out at an input attempt: the caller hangs up, or an interactive call stops here (the call
 * ends as a caller hangup, which the simulate panel shows as waiting for input) until it is re-run with more inputs.
 */
function inputsRanOut(call: SimulatedCall, awaited: AwaitedInput): never {
  if (!call.options.pauseWhenInputsRunOut) return hangUp(call, awaited.node, true);
  call.awaiting = awaited;
  throw new CallerHangupError();
}

function hangUp(call: SimulatedCall, node: string, ranOut: boolean): never {
  call.heard(node, ranOut ? 'inputs-ran-out' : 'caller-hangs-up');
  throw new CallerHangupError();
}

/** Keys read by a collector: up to the terminator (not included) or maxDigits, whichever comes first. */
function readDigits(keys: string, maxDigits: number, terminator: string): string {
  let out = '';
  for (const key of keys) {
    if (terminator && key === terminator) break;
    out += key;
    if (out.length >= maxDigits) break;
  }
  return out;
}

/** The simulated conversation lasts no time; the agent / far end hangs up unless the caller is scripted to. */
function bridgeEnd(call: SimulatedCall, node: string): BridgeEnd {
  if (!call.hangsUpDuring(node, 'bridge')) return { endedBy: 'other', talkSeconds: 0 };
  call.heard(node, 'caller-hangs-up-talking');
  return { endedBy: 'caller', talkSeconds: 0 };
}

/**
 * The simulator driver. One instance serves every simulated call; the SimulatedCall is the session.
 * @example
 * const running = bindDriver(compile(flow).machine, simulatorDriver);
 */
export const simulatorDriver: CallDriver<SimulatedCall> = {
  synchronous: true,

  answer(request, { session }) {
    session.lineEvent({ kind: 'answer', earlyMedia: request.earlyMedia });
  },

  play(request, { session }) {
    played(session, request.node, [request.prompt]);
    // Type-ahead is flushed: keys during a prompt that takes no input never reach the next input.
    const keys = session.options.keysDuringPrompt?.[request.node];
    if (keys) session.heard(request.node, 'keys-discarded', { keys, bargeIn: request.bargeIn ? 'yes' : 'no' });
    if (session.hangsUpDuring(request.node, 'prompt')) hangUp(session, request.node, false);
  },

  collect(request, { session }) {
    played(session, request.node, request.prompts);
    const next = session.nextInput();
    if (next === undefined)
      return inputsRanOut(session, {
        node: request.node,
        effect: 'collect',
        timeoutSeconds: request.timeoutSeconds,
        attempt: request.attempt,
        sensitive: request.sensitive,
      });
    const input = classify(next);
    switch (input.kind) {
      case 'hangup':
        return hangUp(session, request.node, false);
      case 'digits':
        session.heard(request.node, 'keys', { keys: request.sensitive ? MASK : input.digits });
        return { kind: 'digits', digits: readDigits(input.digits, request.maxDigits, request.terminator) };
      case 'speech':
        // A keypad collector hears no words: the attempt times out.
        session.heard(request.node, 'said-no-keys', { text: request.sensitive ? MASK : input.text });
        session.advance(request.timeoutSeconds);
        return { kind: 'timeout' };
      case 'silence':
        session.heard(request.node, 'silence');
        session.advance(request.timeoutSeconds);
        return { kind: 'timeout' };
    }
  },

  recognize(request, { session }) {
    played(session, request.node, request.prompts);
    const next = session.nextInput();
    if (next === undefined)
      return inputsRanOut(session, {
        node: request.node,
        effect: 'recognize',
        timeoutSeconds: request.timeoutSeconds,
        attempt: request.attempt,
        sensitive: request.sensitive,
      });
    const input = classify(next);
    switch (input.kind) {
      case 'hangup':
        return hangUp(session, request.node, false);
      case 'digits':
        session.heard(request.node, 'keys', { keys: input.digits });
        return { kind: 'dtmf', digits: input.digits };
      case 'speech':
        session.heard(request.node, 'said', { text: request.sensitive ? MASK : input.text });
        return { kind: 'speech', text: input.text };
      case 'silence':
        session.heard(request.node, 'silence');
        session.advance(request.timeoutSeconds);
        return { kind: 'timeout' };
    }
  },

  record(request, { session }) {
    played(session, request.node, request.prompts);
    session.lineEvent({ kind: 'record', beep: request.beep });
    if (session.hangsUpDuringWait()) return hangUp(session, request.node, false);
    const seconds = Math.min(mockFor(session.mocks.record, request.node)?.seconds ?? 10, request.maxSeconds);
    session.advance(seconds);
    if (seconds <= 0) {
      session.event(request.node, 'recorded-nothing');
      return { kind: 'silence' };
    }
    session.event(request.node, 'recorded', { seconds: String(seconds) });
    return { kind: 'recorded', location: `simulated://recordings/${request.node}.wav`, seconds };
  },

  http(request, { session }) {
    const mock = mockFor(session.mocks.http, request.node);
    const line = { method: request.method, url: request.url };
    if (!mock) {
      session.event(request.node, 'http-no-mock', line);
      return { kind: 'networkError', message: 'no mock' };
    }
    // An answer slower than the node's timeout never arrives: the request times out, as on a line.
    const late = mock.delayMs !== undefined && mock.delayMs >= request.timeoutSeconds * 1000;
    if (mock.timeout || late) {
      session.advance(request.timeoutSeconds);
      session.event(request.node, 'http-timeout', line);
      return { kind: 'timeout' };
    }
    if (mock.delayMs) session.advance(mock.delayMs / 1000);
    if (mock.networkError) {
      session.event(request.node, 'http-network-error', line);
      return { kind: 'networkError', message: 'network error (mocked)' };
    }
    const status = mock.status ?? 200;
    session.event(request.node, 'http-status', { ...line, status: String(status) });
    return { kind: 'response', status, body: mock.body ?? null, headers: mock.headers ?? {} };
  },

  enqueue(request, { session }) {
    played(session, request.node, request.prompts);
    if (session.hangsUpDuringWait()) return hangUp(session, request.node, false);
    const mock = mockFor(session.mocks.queue, request.node, request.skillGroup.key);
    const outcome = mock?.outcome ?? 'answered';
    const waitSeconds = mock?.waitSeconds ?? 0;
    session.advance(waitSeconds);
    session.event(request.node, 'queue', {
      skillGroup: request.skillGroup.key,
      priority: String(request.priority),
      outcome,
      waitSeconds: String(waitSeconds),
    });
    if (outcome !== 'answered') return { outcome, waitSeconds };
    return { outcome, waitSeconds, bridge: bridgeEnd(session, request.node) };
  },

  transfer(request, { session }) {
    played(session, request.node, request.prompts);
    if (session.hangsUpDuringWait()) return hangUp(session, request.node, false);
    const outcome = mockFor(session.mocks.transfer, request.node)?.outcome ?? 'answered';
    session.event(request.node, 'transfer', { to: request.to, outcome });
    if (outcome !== 'answered') return { outcome };
    return { outcome, bridge: bridgeEnd(session, request.node) };
  },

  scheduleCallback(request, { session }) {
    const outcome = mockFor(session.mocks.callback, request.node)?.outcome ?? 'scheduled';
    session.event(request.node, 'callback', { number: request.number, when: String(request.when), outcome });
    return { outcome };
  },

  hangup(request, { session }) {
    played(session, request.node, request.prompts);
    session.event(request.node, 'hangup', { reason: String(request.reason) });
    session.lineEvent({ kind: 'hangup' });
  },

  now(_request, { session }) {
    return session.now();
  },
};
