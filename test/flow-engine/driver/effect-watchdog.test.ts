// The machine's watchdog: a driver that never answers ends the call through the error path, on the actor's clock.

import { describe, expect, test } from 'vitest';
import { SimulatedClock, createActor, type AnyActorRef } from 'xstate';
import { compile, type CallEnd } from '../../../flow-engine/compile';
import {
  bindDriver,
  defaultEffectLimits,
  effectWatchdogMs,
  type CallDriver,
  type CollectRequest,
  type EffectLimits,
  type HangupRequest,
} from '../../../flow-engine/driver';
import { DEFAULT_CALL_AT, SimulatedCall, simulatorDriver } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';
import { asynchronous } from './asynchronous-driver';

const menuFlow = flow(
  [node('menu', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }], timeoutSeconds: 4 }), node('bye', 'hangup')],
  ['start:next->menu', 'menu:1->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
);

const limits: EffectLimits = { marginMs: 500, promptMs: 1000, bridgeMs: 60_000, quickMs: 200 };

/** Let pending promise callbacks (the asynchronous driver's answers) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function startCall(driver: CallDriver<SimulatedCall>) {
  const clock = new SimulatedClock();
  const actor = createActor(bindDriver(compile(menuFlow).machine, driver), {
    clock,
    input: { session: new SimulatedCall(['1'], {}, Date.parse(DEFAULT_CALL_AT)), limits },
  });
  actor.start();
  await settle();
  return { actor, clock };
}

const endOf = (actor: AnyActorRef) => actor.getSnapshot().output as CallEnd | undefined;

describe('effectWatchdogMs', () => {
  test("each effect gets its request's own limit plus the margin, or the per-effect maximum", () => {
    const l = defaultEffectLimits;
    expect(effectWatchdogMs('http', { timeoutSeconds: 5 }, l)).toBe(5000 + l.marginMs);
    expect(effectWatchdogMs('collect', { timeoutSeconds: 4 }, l)).toBe(l.promptMs + 4000 + l.marginMs);
    expect(effectWatchdogMs('recognize', { timeoutSeconds: 4 }, l)).toBe(l.promptMs + 4000 + l.marginMs);
    expect(effectWatchdogMs('record', { maxSeconds: 120 }, l)).toBe(l.promptMs + 120_000 + l.marginMs);
    expect(effectWatchdogMs('enqueue', { maxWaitSeconds: 600 }, l)).toBe(
      l.promptMs + 600_000 + l.bridgeMs + l.marginMs,
    );
    expect(effectWatchdogMs('transfer', { timeoutSeconds: 30 }, l)).toBe(l.promptMs + 30_000 + l.bridgeMs + l.marginMs);
    expect(effectWatchdogMs('play', {}, l)).toBe(l.promptMs + l.marginMs);
    for (const quick of ['answer', 'now', 'scheduleCallback'] as const)
      expect(effectWatchdogMs(quick, {}, l)).toBe(l.quickMs);
  });
});

describe('a driver that never answers', () => {
  test('an input that never comes back ends the call with reason error at the watchdog, aborting the signal', async () => {
    let signal: AbortSignal | undefined;
    let hangup: HangupRequest | undefined;
    const driver = asynchronous<SimulatedCall>({
      ...simulatorDriver,
      collect: (_request: CollectRequest, context) => {
        signal = context.signal;
        return new Promise(() => {});
      },
      hangup: (request) => {
        hangup = request;
      },
    });
    const { actor, clock } = await startCall(driver);
    const limit = effectWatchdogMs('collect', { timeoutSeconds: 4 }, limits);
    expect(limit).toBe(5500);
    clock.increment(limit - 1);
    await settle();
    expect(actor.getSnapshot().status).toBe('active');
    expect(signal?.aborted).toBe(false);
    clock.increment(1);
    await settle();
    expect(signal?.aborted).toBe(true);
    expect(endOf(actor)).toEqual({
      node: 'menu',
      reason: 'error',
      detail:
        'Node "menu": the collect effect failed: the driver did not answer within 5.5 s (the machine\'s watchdog ended the call)',
    });
    // The error path: the driver is asked to hang up with the reason.
    expect(hangup).toMatchObject({ node: 'menu', reason: 'error' });
  });

  test('a hangup that never completes: the error path asks once more, then the call ends regardless', async () => {
    const asked: HangupRequest[] = [];
    const driver = asynchronous<SimulatedCall>({
      ...simulatorDriver,
      hangup: (request) => {
        asked.push(request);
        return new Promise<void>(() => {});
      },
    });
    const { actor, clock } = await startCall(driver);
    const limit = effectWatchdogMs('hangup', {}, limits);
    clock.increment(limit);
    await settle();
    expect(actor.getSnapshot().status).toBe('active');
    expect(asked.map((r) => r.reason)).toEqual(['hangup', 'error']);
    clock.increment(limit);
    await settle();
    expect(endOf(actor)).toEqual({
      node: 'bye',
      reason: 'error',
      detail:
        'Node "bye": the hangup effect failed: the driver did not answer within 1.5 s (the machine\'s watchdog ended the call)',
    });
  });

  test('an answer arriving after the watchdog fired changes nothing', async () => {
    let answer!: (value: { kind: 'digits'; digits: string }) => void;
    const driver = asynchronous<SimulatedCall>({
      ...simulatorDriver,
      collect: () => new Promise((resolve) => (answer = resolve)),
    });
    const { actor, clock } = await startCall(driver);
    clock.increment(effectWatchdogMs('collect', { timeoutSeconds: 4 }, limits));
    await settle();
    const end = endOf(actor);
    expect(end?.reason).toBe('error');
    answer({ kind: 'digits', digits: '1' });
    await settle();
    expect(endOf(actor)).toEqual(end);
  });

  test('a driver answering in time is not cut off, and its call ends as the flow says', async () => {
    const { actor, clock } = await startCall(asynchronous(simulatorDriver));
    expect(endOf(actor)).toEqual({ node: 'bye', reason: 'hangup' });
    clock.increment(60_000);
    expect(endOf(actor)).toEqual({ node: 'bye', reason: 'hangup' });
  });

  test('the answer effect is watched too: a driver that cannot answer the line ends the call in quickMs', async () => {
    const driver = asynchronous<SimulatedCall>({ ...simulatorDriver, answer: () => new Promise<void>(() => {}) });
    const { actor, clock } = await startCall(driver);
    clock.increment(limits.quickMs);
    await settle();
    expect(endOf(actor)).toMatchObject({
      node: 'start',
      reason: 'error',
      detail: expect.stringContaining('the answer effect failed: the driver did not answer within 0.2 s'),
    });
  });
});

test('every watchdog timer is cleared once its effect answers: a finished call leaves no timer behind', async () => {
  const pending = new Map<number, () => void>();
  let next = 0;
  const clock = {
    setTimeout: (fn: () => void) => {
      pending.set(++next, fn);
      return next;
    },
    clearTimeout: (id: number) => {
      pending.delete(id);
    },
  };
  const actor = createActor(bindDriver(compile(menuFlow).machine, asynchronous(simulatorDriver)), {
    clock,
    input: { session: new SimulatedCall(['1'], {}, Date.parse(DEFAULT_CALL_AT)), limits },
  });
  actor.start();
  await settle();
  expect(endOf(actor)).toEqual({ node: 'bye', reason: 'hangup' });
  // answer, now, collect and hangup each had a watchdog.
  expect(next).toBe(4);
  expect(pending.size).toBe(0);
});
