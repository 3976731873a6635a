// A driver that answers with promises (as FreeSWITCH's will) passes the same contract through the actor path.

import { DEFAULT_CALL_AT, SimulatedCall, simulatorDriver } from '../../../flow-engine/simulator';
import { asynchronous } from './asynchronous-driver';
import { runDriverContract } from './run-driver-contract';

const asyncSimulator = asynchronous(simulatorDriver);

runDriverContract({
  newDriver: (script) => ({
    driver: asyncSimulator,
    session: new SimulatedCall(script.inputs, script.mocks, Date.parse(script.call.at ?? DEFAULT_CALL_AT)),
  }),
});
