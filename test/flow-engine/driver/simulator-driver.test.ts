// The simulator driver passes the shared driver contract.

import { simulatorDriver } from '../../../flow-engine/simulator';
import { runDriverContract } from './run-driver-contract';
import { simulatorHarness } from './simulator-harness';

runDriverContract({ newDriver: () => simulatorHarness(simulatorDriver) });
