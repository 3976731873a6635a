// A menu's repeat key on a line: FreeSWITCH plays the menu again, the caller's attempt is not used up, and no port is
// reported for the repeat (the runtime runs the same machine as the simulator).

import { asc, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { simulate } from '../../../flow-engine/simulator';
import { callEvents } from '../../../schemas/db';
import { flow, node, tts } from '../../flow-engine/support/build-flow';
import { testBackends } from '../../app/helpers/test-database';
import { addLine, endedCall, publish, useTestRuntime, type TestRuntime } from '../helpers/runtime-harness';

const repeating = flow(
  [
    node('menu', 'menu', {
      prompt: tts('Press 1 for sales, 9 to hear this again'),
      options: [{ key: '1' }, { key: '9', repeat: true }],
      maxAttempts: 1,
      invalidPrompt: tts('That is not an option.'),
    }),
    node('sales', 'hangup', { prompt: tts('Sales, goodbye') }),
    node('wrong', 'hangup', { prompt: tts('Goodbye') }),
  ],
  ['start:next->menu', 'menu:1->sales', 'menu:noInput->wrong', 'menu:invalid->wrong'],
  { id: 'menu-repeat' },
);

describe.each(testBackends)('runtime on $name: a menu repeat key', (backend) => {
  const runtime = useTestRuntime(backend);
  const played = (trace: Awaited<ReturnType<TestRuntime['dial']>>) =>
    trace.heard.flatMap((event) => (event.kind === 'play' ? [event.text] : []));

  test('two repeats with one attempt allowed still reach sales, as in the simulator', async () => {
    await addLine(runtime.database.handle, '4008006001', (await publish(runtime.database.handle, repeating)).flowId);
    const trace = await runtime.harness.dial({ destination: '4008006001', inputs: ['9', '9', '1'] });
    const menu = 'Press 1 for sales, 9 to hear this again';
    expect(played(trace)).toEqual([menu, menu, menu, 'Sales, goodbye']);
    const call = await endedCall(runtime.database.db, trace.uuid);
    expect(call).toMatchObject({ endReason: 'hangup', endNode: 'sales' });
    const events = await runtime.database.db
      .select()
      .from(callEvents)
      .where(eq(callEvents.callId, call.id))
      .orderBy(asc(callEvents.seq));
    expect(events.filter((e) => e.type === 'port.taken').map((e) => `${e.nodeId}:${e.port}`)).toEqual([
      'start:next',
      'menu:1',
    ]);
    const simulated = await simulate(repeating, { inputs: ['9', '9', '1'] });
    expect(simulated.end.node).toBe(call.endNode);
  }, 60_000);
});
