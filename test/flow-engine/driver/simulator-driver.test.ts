// The simulator driver passes the shared driver contract.

import { DEFAULT_CALL_AT, SimulatedCall, simulatorDriver } from '../../../flow-engine/simulator';
import { runDriverContract } from './run-driver-contract';

runDriverContract({
  newDriver: (script) => ({
    driver: simulatorDriver,
    session: new SimulatedCall(script.inputs, script.mocks, Date.parse(script.call.at ?? DEFAULT_CALL_AT)),
  }),
});
