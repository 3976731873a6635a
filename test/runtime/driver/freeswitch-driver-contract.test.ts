// The shared driver contract, run against the FreeSWITCH driver over real TCP and drachtio-modesl with the ESL simulator as FreeSWITCH.

import { afterAll, beforeAll } from 'vitest';
import type { EnqueueResult, HttpResult } from '../../../flow-engine/driver';
import type { Mocks } from '../../../flow-engine/test-case';
import type { EslCall } from '../../../runtime/esl/esl-call';
import { startOutboundServer, type OutboundServer } from '../../../runtime/esl/outbound-server';
import { FreeSwitchDriver, type FreeSwitchSession } from '../../../runtime/driver/freeswitch-driver';
import { dial, type BridgeOutcome } from '../../../runtime/esl-simulator';
import { runDriverContract } from '../../flow-engine/driver/run-driver-contract';

let server: OutboundServer;
const waiting: ((call: EslCall) => void)[] = [];
const calls: EslCall[] = [];

beforeAll(async () => {
  server = await startOutboundServer({ host: '127.0.0.1', port: 0, onCall: (call) => waiting.shift()?.(call) });
});

afterAll(async () => {
  for (const call of calls) call.close();
  await server.stopAccepting();
});

/** The harness answers HTTP and queues from the script's mocks, as the runtime's services would from the network and PostgreSQL. */
function driverFor(mocks: Mocks): FreeSwitchDriver {
  return new FreeSwitchDriver({
    voices: { '*': { engine: 'flite', voice: 'kal' } },
    asrEngine: 'unimrcp',
    soundsDir: '/usr/share/freeswitch/sounds/callflow',
    recordingsDir: '/var/lib/freeswitch/recordings/callflow',
    transferDialString: 'loopback/{number}/default',
    async http(request): Promise<HttpResult> {
      const mock = mocks.http?.[request.node];
      if (!mock) return { kind: 'networkError', message: 'no mock' };
      if ('timeout' in mock && mock.timeout) return { kind: 'timeout' };
      const answer = mock as { status?: number; body?: unknown };
      return { kind: 'response', status: answer.status ?? 200, body: answer.body ?? null, headers: {} };
    },
    async enqueue(request): Promise<EnqueueResult> {
      const mock = mocks.queue?.[request.skillGroup.key];
      return { outcome: mock?.outcome ?? 'noAgents', waitSeconds: mock?.waitSeconds ?? 0 };
    },
    async scheduleCallback() {
      return { outcome: 'scheduled' };
    },
  });
}

runDriverContract<FreeSwitchSession>({
  async newDriver(script) {
    const arrived = new Promise<EslCall>((resolve) => waiting.push(resolve));
    const bridges = Object.values(script.mocks.transfer ?? {}).map((mock) => (mock.outcome ?? 'answered') as BridgeOutcome);
    void dial({ host: '127.0.0.1', port: server.address.port }, { destination: script.call.dialed ?? '4008001234', caller: script.call.caller, inputs: script.inputs, bridges, asr: true });
    const call = await arrived;
    calls.push(call);
    const driver = driverFor(script.mocks);
    // The contract's calls happen at the script's instant; the call clock runs from there.
    const startsAt = Date.parse(script.call.at ?? new Date().toISOString());
    const answeredAt = Date.now();
    const session: FreeSwitchSession = { call, clock: () => new Date(startsAt + Date.now() - answeredAt) };
    await driver.answer(session);
    return { driver, session };
  },
});
