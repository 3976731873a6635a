// A record on a leg that sends no audio (issue 14 point 2). FreeSWITCH 1.10.12 keeps reading comfort-noise frames (every
// 20 ms on loopback and RTP legs) and writes none of them: the silence threshold ends the record after its silence
// seconds, or without a threshold the wall-clock time limit does (switch_ivr_record_file_event). Driven over real TCP
// and drachtio-modesl, the simulator playing FreeSWITCH.

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

  async function hangUp(call: EslCall, trace: Promise<DialTrace>): Promise<string[]> {
    await call.execute('hangup', 'NORMAL_CLEARING', 10_000).catch(() => undefined);
    return (await trace).lines;
  }

  test('with a silence threshold the record ends by itself after its silence seconds, 0 s recorded, silence_hits_exhausted', async () => {
    const { call, trace } = await placeCall(false);
    await call.execute('answer', '', 10_000);
    // 30 s limit, threshold 200, 1 s of silence: the silence ends it (the 10 s wait is far below the limit).
    const done = await call.execute('record', '/tmp/no-audio.wav 30 200 1', 10_000);
    expect(done.headers).toMatchObject({
      'Application-Response': '_none_',
      variable_record_seconds: '0',
      variable_record_ms: '0',
      variable_silence_hits_exhausted: 'true',
    });
    expect(await hangUp(call, trace)).toContain('recording to /tmp/no-audio.wav ended by 1 s of silence: 0 s recorded');
  }, 60_000);

  test('without a threshold the time limit ends it, silence_hits_exhausted false', async () => {
    const { call, trace } = await placeCall(false);
    await call.execute('answer', '', 10_000);
    const done = await call.execute('record', '/tmp/no-audio-limit.wav 1', 10_000);
    expect(done.headers).toMatchObject({ variable_record_seconds: '0', variable_silence_hits_exhausted: 'false' });
    expect(await hangUp(call, trace)).toContain(
      'recording to /tmp/no-audio-limit.wav ended by its 1 s limit: 0 s recorded',
    );
  }, 60_000);

  test('uuid_break ends it before either limit', async () => {
    const { call, trace } = await placeCall(false);
    await call.execute('answer', '', 10_000);
    const record = call.startMedia('record', '/tmp/no-audio-break.wav 60 200 30', 60_000);
    await record.stop();
    expect((await record.done).headers.variable_record_seconds).toBe('0');
    expect(await hangUp(call, trace)).toContain(
      'recording to /tmp/no-audio-break.wav ended by uuid_break: 0 s recorded',
    );
  }, 60_000);

  test('with the caller sending audio the same record completes with what was recorded', async () => {
    const { call, trace } = await placeCall(true);
    await call.execute('answer', '', 10_000);
    const done = await call.execute('record', '/tmp/audio.wav 1 200 1', 60_000);
    expect(Number(done.headers.variable_record_seconds)).toBeGreaterThan(0);
    await hangUp(call, trace);
    expect((await trace).endedBy).toBe('runtime');
  }, 60_000);
});
