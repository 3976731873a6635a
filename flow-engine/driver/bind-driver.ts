// Give a compiled machine its driver: the whole engine/driver split is this one provide() call.

import type { CallMachine } from '../compile/machine-implementation';
import type { CallDriver } from './call-driver';
import { driverActors } from './effect-actors';

/**
 * The machine with a driver's effects. Do it once per driver, not per call: calls differ by their input
 * (`session`), and provide() copies the machine.
 * @example
 * const running = bindDriver(compile(flow).machine, createSimulatorDriver());
 * createActor(running, { input: { call: { caller: '+8613800138000' }, session } }).start();
 */
export function bindDriver<Session>(machine: CallMachine, driver: CallDriver<Session>): CallMachine {
  return machine.provide({ actors: driverActors(driver) }) as CallMachine;
}
