// Transfers to a number and to a SIP URI (issue 14 point 3e): each with its own dial string, the URI kept as written.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { calls } from '../../../schemas/db';
import { flow, node } from '../../flow-engine/support/build-flow';
import { testBackends, type TestDatabase } from '../../app/helpers/test-database';
import { addLine, eventually, publish, startTestRuntime, type TestRuntime } from '../helpers/runtime-harness';

describe.each(testBackends)('runtime on $name: transfer targets', (backend) => {
  let database: TestDatabase;
  let harness: TestRuntime;

  beforeAll(async () => {
    database = await backend.open();
    harness = await startTestRuntime(database.handle, {
      CALLFLOW_TRANSFER_DIAL_STRING: 'sofia/gateway/pstn/{number}',
      CALLFLOW_TRANSFER_SIP_DIAL_STRING: 'sofia/internal/{uri}',
    });
  });

  afterAll(async () => {
    await harness?.stop();
    await database?.close();
  });

  const transferFlow = (id: string, to: string) =>
    flow(
      [node('t', 'transfer', { to }), node('x', 'hangup')],
      ['start:next->t', 't:busy->x', 't:noAnswer->x', 't:failed->x'],
      { id },
    );

  test.each([
    ['sip:sales@pbx.example.com', '4008007001', 'sofia/internal/sip:sales@pbx.example.com'],
    ['+86 10 8888-6666', '4008007002', 'sofia/gateway/pstn/+861088886666'],
  ])(
    '%s is bridged with its own dial string (line %s)',
    async (to, number, dialString) => {
      await addLine(database.handle, number, (await publish(database.handle, transferFlow(`to-${number}`, to))).flowId);
      const trace = await harness.dial({ destination: number, bridges: ['answered'] });
      expect(trace.lines).toContain(`bridge to ${dialString}: answered`);
      const row = await eventually(
        async () =>
          (await database.db.select().from(calls).where(eq(calls.channelUuid, trace.uuid)))[0]?.endReason ?? undefined,
        'the call row',
      );
      expect(row).toBe('transferred');
    },
    60_000,
  );

  test('a far end that rings before it answers: the transfer waits through the ringing and the call is transferred', async () => {
    await addLine(
      database.handle,
      '4008007004',
      (await publish(database.handle, transferFlow('to-ringing', '+86 10 8888-6666'))).flowId,
    );
    const trace = await harness.dial({ destination: '4008007004', bridges: [{ outcome: 'answered', ringMs: 30 }] });
    expect(trace.lines).toEqual(
      expect.arrayContaining([
        'bridge to sofia/gateway/pstn/+861088886666: ringing 30 ms',
        'bridge to sofia/gateway/pstn/+861088886666: answered',
      ]),
    );
    const row = await eventually(
      async () =>
        (await database.db.select().from(calls).where(eq(calls.channelUuid, trace.uuid)))[0]?.endReason ?? undefined,
      'the call row',
    );
    expect(row).toBe('transferred');
  }, 60_000);

  test('a target filled in during the call that is neither is not dialled: the transfer fails', async () => {
    const document = flow(
      [node('t', 'transfer', { to: '{{ "sales desk" }}' }), node('x', 'hangup')],
      ['start:next->t', 't:busy->x', 't:noAnswer->x', 't:failed->x'],
      { id: 'to-nonsense' },
    );
    await addLine(database.handle, '4008007003', (await publish(database.handle, document)).flowId);
    const trace = await harness.dial({ destination: '4008007003' });
    expect(trace.apps.map((a) => a.app)).not.toContain('bridge');
    expect(trace.variables.callflow_path).toBe('start,t,x');
  }, 60_000);
});
