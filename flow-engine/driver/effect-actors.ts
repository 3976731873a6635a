// Turns a CallDriver into the XState actors a compiled machine invokes (one callback actor per effect).

import { fromCallback, type AnyActorLogic } from 'xstate';
import { EffectWatchdogError } from './effect-watchdog';
import {
  CallerHangupError,
  EffectNotProvidedError,
  effectNames,
  type CallDriver,
  type EffectAnswer,
  type EffectContext,
  type EffectName,
} from './call-driver';

/** The input every effect actor receives from the machine. */
export interface EffectInput {
  request: unknown;
  session: unknown;
  /** Set by the machine when the call is being ended before the effect could start: do nothing. */
  skip?: boolean;
  /** The machine's watchdog: fail the effect if the driver has not answered within this many ms (on the actor system's clock). */
  watchdogMs?: number;
}

/** Events an effect actor sends back to the call machine. */
export type EffectEvent =
  { type: 'effect.done'; output: unknown } | { type: 'effect.error'; error: unknown } | { type: 'call.hangup' };

type EffectFunction = (request: never, context: EffectContext<unknown>) => EffectAnswer<unknown>;

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';

const WATCHDOG = 'effect.watchdog';
const noop = () => undefined;

/*
 * A callback actor rather than fromPromise: a driver that answers synchronously (the simulator) costs one
 * event instead of a promise tick, and the cleanup aborts the signal when the state is left. The
 * AbortController is made only when the driver reads `signal` (Node's costs about as much as a transition).
 * The watchdog is an event the actor schedules to itself on the system's scheduler, so it follows the actor's
 * clock (a SimulatedClock in tests) and is cancelled with the actor when the state is left.
 */
function effectActor(name: EffectName, run: EffectFunction) {
  return fromCallback<{ type: string }, EffectInput, EffectEvent>(({ input, sendBack, self, system, receive }) => {
    if (input.skip) return undefined;
    let controller: AbortController | undefined;
    let settled = false;
    // Abort is remembered, so a driver reading `signal` only later still finds it aborted.
    let aborted = false;
    let stops: (() => void)[] | undefined;
    const abort = () => {
      aborted = true;
      controller?.abort();
      if (stops) for (const stop of stops.splice(0)) stop();
    };
    const context: EffectContext<unknown> = {
      session: input.session,
      get signal() {
        controller ??= new AbortController();
        if (aborted && !controller.signal.aborted) controller.abort();
        return controller.signal;
      },
      onAbort(stop) {
        if (aborted) {
          stop();
          return noop;
        }
        (stops ??= []).push(stop);
        return () => {
          const at = stops?.indexOf(stop) ?? -1;
          if (at !== -1) stops?.splice(at, 1);
        };
      },
    };
    const fail = (error: unknown) => {
      settled = true;
      sendBack(error instanceof CallerHangupError ? { type: 'call.hangup' } : { type: 'effect.error', error });
    };
    try {
      const answer = run(input.request as never, context);
      if (isPromiseLike(answer)) {
        const watchdogMs = input.watchdogMs;
        if (watchdogMs !== undefined) {
          receive((event) => {
            if (event.type !== WATCHDOG || settled) return;
            settled = true;
            abort();
            sendBack({ type: 'effect.error', error: new EffectWatchdogError(name, watchdogMs) });
          });
          system.scheduler.schedule(self, self, { type: WATCHDOG }, watchdogMs, WATCHDOG);
        }
        answer.then(
          (output) => {
            if (settled) return;
            settled = true;
            sendBack({ type: 'effect.done', output });
          },
          (error: unknown) => {
            if (!settled) fail(error);
          },
        );
      } else {
        settled = true;
        sendBack({ type: 'effect.done', output: answer });
      }
    } catch (error) {
      fail(error);
    }
    return () => {
      if (!settled) abort();
    };
  });
}

export type EffectActors = Record<EffectName, AnyActorLogic>;

/** Runs an effect of a synchronous driver directly: returns the output or throws what the driver threw. */
export type SynchronousAnswer = (request: unknown, session: unknown) => unknown;

const synchronousAnswers = new WeakMap<AnyActorLogic, SynchronousAnswer>();

/** A synchronous driver never aborts: one shared signal that never fires. */
const neverAborted = new AbortController().signal;

/** The direct path of an effect actor made from a synchronous driver (undefined for any other actor). */
export function synchronousAnswerOf(logic: unknown): SynchronousAnswer | undefined {
  return typeof logic === 'object' && logic !== null ? synchronousAnswers.get(logic as AnyActorLogic) : undefined;
}

/**
 * The actors for `machine.provide({ actors })` that run a driver's effects.
 * @example
 * const running = compiled.machine.provide({ actors: driverActors(myDriver) });
 */
export function driverActors<Session>(driver: CallDriver<Session>): EffectActors {
  const actors = {} as EffectActors;
  for (const name of effectNames) {
    const method = (driver[name] as unknown as EffectFunction).bind(driver);
    const actor = effectActor(name, method);
    if (driver.synchronous) {
      synchronousAnswers.set(actor, (request, session) => {
        const answer = method(request as never, { session, signal: neverAborted, onAbort: () => noop });
        if (isPromiseLike(answer))
          throw new Error(`the driver says it is synchronous but its ${name} effect returned a promise`);
        return answer;
      });
    }
    actors[name] = actor;
  }
  return actors;
}

/** Placeholders named in setup(): running a machine without a driver fails loudly, naming the effect. */
export const placeholderActors: EffectActors = Object.fromEntries(
  effectNames.map((name) => [
    name,
    fromCallback<{ type: string }, EffectInput>(() => {
      throw new EffectNotProvidedError(name);
    }),
  ]),
) as EffectActors;
