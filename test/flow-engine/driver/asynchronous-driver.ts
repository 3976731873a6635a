// Test helper: any driver made asynchronous, so a call runs through the effect actors as FreeSWITCH's will.

import { effectNames, type CallDriver, type EffectContext } from '../../../flow-engine/driver';

type AnyEffect = (request: unknown, context: EffectContext<unknown>) => unknown;

/**
 * The same driver with every effect answered a microtask later (a promise), and without `synchronous`.
 * @example
 * const running = bindDriver(compiled.machine, asynchronous(simulatorDriver));
 */
export function asynchronous<Session>(driver: CallDriver<Session>): CallDriver<Session> {
  const wrapped: Record<string, AnyEffect> = {};
  for (const name of effectNames) {
    const effect = (driver[name] as unknown as AnyEffect).bind(driver);
    wrapped[name] = async (request, context) => effect(request, context);
  }
  return { ...wrapped, synchronous: false } as unknown as CallDriver<Session>;
}
