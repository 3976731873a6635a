// `say zh currency` on FreeSWITCH 1.10.12 (issue 14): mod_say_zh's `zh` interface reads money in US dollars and cents
// (zh_say_money plays currency/dollar and currency/cent), which the simulator reproduces. Over real TCP and drachtio-modesl.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dial, type DialTrace } from '../../../runtime/esl-simulator';
import type { EslCall } from '../../../runtime/esl/esl-call';
import { startOutboundServer, type OutboundServer } from '../../../runtime/esl/outbound-server';

describe('ESL simulator: say zh currency', () => {
  let server: OutboundServer;
  const arrivals: ((call: EslCall) => void)[] = [];

  beforeAll(async () => {
    server = await startOutboundServer({ host: '127.0.0.1', port: 0, onCall: (call) => arrivals.shift()?.(call) });
  });

  afterAll(async () => {
    await server?.stopAccepting();
  });

  async function said(args: string[]): Promise<DialTrace['heard']> {
    const arrived = new Promise<EslCall>((resolve) => arrivals.push(resolve));
    const trace = dial(server.address, { destination: '4008001234' });
    const call = await arrived;
    await call.execute('answer', '', 10_000);
    for (const arg of args)
      expect((await call.execute('say', arg, 10_000)).headers['Application-Response']).toBe('_none_');
    await call.execute('hangup', 'NORMAL_CLEARING', 10_000).catch(() => undefined);
    return (await trace).heard.filter((event) => event.kind === 'play');
  }

  test('is heard in US dollars and cents, with 0 cents when the amount has no decimals; en reads the value', async () => {
    expect(
      await said([
        'zh currency pronounced 12.50',
        'zh currency pronounced 8',
        'zh currency pronounced 3.5',
        'en currency pronounced 12.50',
      ]),
    ).toEqual([
      { kind: 'play', voice: 'zh', text: '12美元50美分' },
      { kind: 'play', voice: 'zh', text: '8美元0美分' },
      // The decimals are read as a number of cents: `.5` is five cents.
      { kind: 'play', voice: 'zh', text: '3美元5美分' },
      { kind: 'play', voice: 'en', text: '12.50' },
    ]);
  }, 60_000);
});
