// A driver that answers with promises (as FreeSWITCH's will) passes the same contract through the actor path.

import type { CallDriver } from '../../../flow-engine/driver';
import { DEFAULT_CALL_AT, SimulatedCall, simulatorDriver } from '../../../flow-engine/simulator';
import { runDriverContract } from './run-driver-contract';

/** The simulator's answers, each delivered a microtask later. */
const asyncSimulator: CallDriver<SimulatedCall> = {
  synchronous: false,
  play: async (request, context) => simulatorDriver.play(request, context),
  collect: async (request, context) => simulatorDriver.collect(request, context),
  recognize: async (request, context) => simulatorDriver.recognize(request, context),
  record: async (request, context) => simulatorDriver.record(request, context),
  http: async (request, context) => simulatorDriver.http(request, context),
  enqueue: async (request, context) => simulatorDriver.enqueue(request, context),
  transfer: async (request, context) => simulatorDriver.transfer(request, context),
  scheduleCallback: async (request, context) => simulatorDriver.scheduleCallback(request, context),
  hangup: async (request, context) => simulatorDriver.hangup(request, context),
  now: async (request, context) => simulatorDriver.now(request, context),
};

runDriverContract({
  newDriver: (script) => ({
    driver: asyncSimulator,
    session: new SimulatedCall(script.inputs, script.mocks, Date.parse(script.call.at ?? DEFAULT_CALL_AT)),
  }),
});
