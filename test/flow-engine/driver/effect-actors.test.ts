// Effects run through callback actors: async drivers, abort (signal and onAbort) on caller hangup, failures and missing drivers.

import { expect, test } from 'vitest';
import { createActor, toPromise } from 'xstate';
import { compile, type CallEnd } from '../../../flow-engine/compile';
import { bindDriver, CallerHangupError, type CallDriver, type CollectRequest } from '../../../flow-engine/driver';
import { DEFAULT_CALL_AT, SimulatedCall, simulatorDriver } from '../../../flow-engine/simulator';
import { flow, node, tts } from '../support/build-flow';

const menuFlow = flow(
  [node('menu', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }] }), node('bye', 'hangup')],
  ['start:next->menu', 'menu:1->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
);

/** The simulator driver with `collect` replaced. */
function withCollect(collect: CallDriver<SimulatedCall>['collect']): CallDriver<SimulatedCall> {
  return { ...simulatorDriver, synchronous: false, collect };
}

function start(driver: CallDriver<SimulatedCall>) {
  const actor = createActor(bindDriver(compile(menuFlow).machine, driver), {
    input: { session: new SimulatedCall([], {}, Date.parse(DEFAULT_CALL_AT)) },
  });
  actor.start();
  return actor;
}

test('a driver answering with promises drives the call to its end', async () => {
  const actor = start(withCollect(async () => ({ kind: 'digits', digits: '1' })));
  expect(actor.getSnapshot().status).toBe('active');
  expect(await toPromise(actor)).toEqual({ node: 'bye', reason: 'hangup' });
});

test('a caller hangup while an effect is pending aborts its signal and ends the call with callerHangup', async () => {
  let signal: AbortSignal | undefined;
  let request: CollectRequest | undefined;
  const actor = start(
    withCollect((r, context) => {
      signal = context.signal;
      request = r;
      return new Promise(() => {});
    }),
  );
  expect(request?.node).toBe('menu');
  expect(signal?.aborted).toBe(false);
  actor.send({ type: 'call.hangup' });
  expect(signal?.aborted).toBe(true);
  expect((await toPromise(actor)) as CallEnd).toEqual({ node: 'menu', reason: 'callerHangup' });
});

test('a driver that reads its signal only after the state was left finds it aborted', async () => {
  let context: { signal: AbortSignal } | undefined;
  const actor = start(
    withCollect((_r, c) => {
      context = c;
      return new Promise(() => {});
    }),
  );
  actor.send({ type: 'call.hangup' });
  await toPromise(actor);
  expect(context?.signal.aborted).toBe(true);
});

test('onAbort runs its stop once on a caller hangup, without the driver making a signal', async () => {
  const stops: string[] = [];
  const actor = start(
    withCollect((_r, context) => {
      context.onAbort(() => stops.push('first'));
      const release = context.onAbort(() => stops.push('released'));
      release();
      return new Promise(() => {});
    }),
  );
  expect(stops).toEqual([]);
  actor.send({ type: 'call.hangup' });
  expect(stops).toEqual(['first']);
  expect((await toPromise(actor)) as CallEnd).toEqual({ node: 'menu', reason: 'callerHangup' });
  expect(stops).toEqual(['first']);
});

test('onAbort after the state was left runs its stop at once; an effect that answered never runs it', async () => {
  let late: { onAbort(stop: () => void): () => void } | undefined;
  const hungUp = start(
    withCollect((_r, context) => {
      late = context;
      return new Promise(() => {});
    }),
  );
  hungUp.send({ type: 'call.hangup' });
  await toPromise(hungUp);
  let stopped = 0;
  late?.onAbort(() => stopped++);
  expect(stopped).toBe(1);

  let kept = 0;
  const answered = start(
    withCollect(async (_r, context) => {
      context.onAbort(() => kept++);
      return { kind: 'digits', digits: '1' };
    }),
  );
  expect(await toPromise(answered)).toEqual({ node: 'bye', reason: 'hangup' });
  expect(kept).toBe(0);
});

test('an effect that finishes does not see its signal aborted when the state is left', async () => {
  let signal: AbortSignal | undefined;
  const actor = start(
    withCollect((_r, context) => {
      signal = context.signal;
      return { kind: 'digits', digits: '1' };
    }),
  );
  await toPromise(actor);
  expect(signal?.aborted).toBe(false);
});

test('a driver rejecting with CallerHangupError ends the call with callerHangup', async () => {
  const actor = start(withCollect(async () => Promise.reject(new CallerHangupError())));
  expect(await toPromise(actor)).toEqual({ node: 'menu', reason: 'callerHangup' });
});

test('a driver failure ends the call with reason error naming the node and effect', async () => {
  const actor = start(withCollect(async () => Promise.reject(new Error('ESL connection lost'))));
  expect(await toPromise(actor)).toEqual({
    node: 'menu',
    reason: 'error',
    detail: 'Node "menu": the collect effect failed: ESL connection lost',
  });
});

test('a machine run without a driver ends with an error saying which effect was not provided', async () => {
  const actor = createActor(compile(menuFlow).machine, { input: {} });
  actor.start();
  const end = (await toPromise(actor)) as CallEnd;
  expect(end.reason).toBe('error');
  expect(end.detail).toContain('The effect "answer" was not provided');
});
