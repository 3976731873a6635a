// The contract's harness for the simulator driver (or a driver built on it): a SimulatedCall per call, its line log.

import type { CallDriver } from '../../../flow-engine/driver';
import { DEFAULT_CALL_AT, SimulatedCall } from '../../../flow-engine/simulator';
import type { DriverHarness } from './contract-harness';

/**
 * A harness whose calls are SimulatedCalls scripted from the contract's script, with the line logged.
 * @example
 * runDriverContract({ newDriver: () => simulatorHarness(simulatorDriver) });
 */
export function simulatorHarness(driver: CallDriver<SimulatedCall>): DriverHarness<SimulatedCall> {
  return {
    driver,
    call(script) {
      const session = new SimulatedCall(script.inputs, script.mocks, Date.parse(script.call.at ?? DEFAULT_CALL_AT));
      session.options = { keysDuringPrompt: script.keysDuringPrompt, hangup: script.hangup, logLine: true };
      return { session, line: () => session.line };
    },
  };
}
