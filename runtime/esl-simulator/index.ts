// The ESL simulator: a FreeSWITCH stand-in that places scripted calls into a runtime's outbound socket (tests, bench, `callflow dial`).

import type { CallerScript, DialTrace } from './caller-script';
import { SimulatedChannel } from './simulated-channel';

export type { BridgeOutcome, CallerScript, DialTrace, ExecutedApp, HeardEvent, ScriptedBridge } from './caller-script';
export { SAMPLE_SAY_LANGUAGES } from './caller-script';
export { SimulatedChannel } from './simulated-channel';
export { runLoad, type LoadOptions, type LoadResult } from './load';
export { startInboundSocket, type InboundSocket, type InboundSocketOptions } from './inbound-socket';

/**
 * Place one call into the runtime at `address` and resolve with its trace once the socket closes.
 * @example
 * const trace = await dial({ host: '127.0.0.1', port: 8084 }, { destination: '4008001234', inputs: ['1'] });
 */
export function dial(address: { host: string; port: number }, script: CallerScript): Promise<DialTrace> {
  return new SimulatedChannel(address, script).done;
}
