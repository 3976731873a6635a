// A record on a leg that sends no audio (issue 14 point 2): on the real FreeSWITCH its time and silence limits count
// incoming frames, so it never ends by itself. Driven over real TCP and drachtio-modesl, the simulator playing FreeSWITCH.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dial, type DialTrace } from '../../../runtime/esl-simulator';
import type { EslCall } from '../../../runtime/esl/esl-call';
import { startOutboundServer, type OutboundServer } from '../../../runtime/esl/outbound-server';

describe('ESL simulator: record without incoming audio', () => {
  let server: OutboundServer;
  const arrivals: ((call: EslCall) => void)[] = [];

  beforeAll(async () => {
    server = await startOutboundServer({ host: '127.0.0.1', port: 0, onCall: (call) => arrivals.shift()?.(call) });
  });

  afterAll(async () => {
    await server?.stopAccepting();
  });

  async function placeCall(callerAudio: boolean): Promise<{ call: EslCall; trace: Promise<DialTrace> }> {
    const arrived = new Promise<EslCall>((resolve) => arrivals.push(resolve));
    const trace = dial(server.address, { destination: '4008001234', callerAudio });
    return { call: await arrived, trace };
  }

  test('a 1 s record with a 1 s silence limit is still running after later commands are answered; uuid_break ends it with 0 s recorded', async () => {
    const { call, trace } = await placeCall(false);
    await call.execute('answer', '', 10_000);
    const record = call.startMedia('record', '/tmp/no-audio.wav 1 200 1', 60_000);
    let completed = false;
    void record.done.then(() => (completed = true), () => undefined);
    // Replies come in order on the one socket: a completion sent when the record started would be here by now.
    expect(await call.api(`uuid_getvar ${call.uuid} uuid`)).toBe(call.uuid);
    expect(await call.api(`uuid_getvar ${call.uuid} uuid`)).toBe(call.uuid);
    expect(completed).toBe(false);
    await record.stop();
    const done = await record.done;
    expect(done.headers.variable_record_seconds).toBe('0');
    await call.execute('hangup', 'NORMAL_CLEARING', 10_000).catch(() => undefined);
    const lines = (await trace).lines;
    expect(lines).toContain('recording to /tmp/no-audio.wav: no audio comes in, so neither limit is reached');
    expect(lines).toContain('recording to /tmp/no-audio.wav broken off: 0 s recorded');
  }, 60_000);

  test('with the caller sending audio the same record completes by itself with what was recorded', async () => {
    const { call, trace } = await placeCall(true);
    await call.execute('answer', '', 10_000);
    const done = await call.execute('record', '/tmp/audio.wav 1 200 1', 60_000);
    expect(Number(done.headers.variable_record_seconds)).toBeGreaterThan(0);
    await call.execute('hangup', 'NORMAL_CLEARING', 10_000).catch(() => undefined);
    expect((await trace).endedBy).toBe('runtime');
  }, 60_000);
});
