// A driver that answers with promises (as FreeSWITCH's will) passes the same contract through the actor path.

import { simulatorDriver } from '../../../flow-engine/simulator';
import { asynchronous } from './asynchronous-driver';
import { runDriverContract } from './run-driver-contract';
import { simulatorHarness } from './simulator-harness';

runDriverContract({ newDriver: () => simulatorHarness(asynchronous(simulatorDriver)) });
