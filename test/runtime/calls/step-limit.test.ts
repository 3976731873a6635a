// The step limit is one number: a looping call on a line (runtime with default settings) ends at the same node, after
// the same number of visits, as the same call in the simulator.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultMaxSteps } from '../../../flow-engine/compile';
import { simulate } from '../../../flow-engine/simulator';
import { loadRuntimeConfig } from '../../../runtime/config';
import { calls } from '../../../schemas/db';
import { flow, node } from '../../flow-engine/support/build-flow';
import { testBackends, type TestDatabase } from '../../app/helpers/test-database';
import { addLine, eventually, publish, startTestRuntime, type TestRuntime } from '../helpers/runtime-harness';

/** Counts round a set → condition loop that never ends (validate refuses it; published straight to the tables here). */
const spinning = flow(
  [
    node('count', 'set', { assignments: [{ variable: 'n', value: 'n + 1' }] }),
    node('check', 'condition', { rules: [{ name: 'never', when: 'n < 0' }] }),
  ],
  ['start:next->count', 'count:next->check', 'check:else->count', 'check:never->count'],
  { id: 'spinning', variables: [{ name: 'n', type: 'number', default: 0 }] },
);

test("the runtime's default step limit is the engine's", () => {
  expect(loadRuntimeConfig({}).maxSteps).toBe(defaultMaxSteps);
  expect(loadRuntimeConfig({ CALLFLOW_MAX_STEPS: '500' }).maxSteps).toBe(500);
});

describe.each(testBackends)('runtime on $name: the step limit', (backend) => {
  let database: TestDatabase;
  let harness: TestRuntime;

  beforeAll(async () => {
    database = await backend.open();
    harness = await startTestRuntime(database.handle);
    await addLine(database.handle, '4008003001', (await publish(database.handle, spinning)).flowId);
  });

  afterAll(async () => {
    await harness?.stop();
    await database?.close();
  });

  test('a looping call ends where the simulator ends it, with the same detail', async () => {
    const simulated = await simulate(spinning, {});
    expect(simulated.end).toMatchObject({ reason: 'error' });
    expect(simulated.end.detail).toContain(`after ${defaultMaxSteps} node visits`);

    const trace = await harness.dial({ destination: '4008003001' });
    const row = await eventually(
      async () => {
        const [found] = await database.db.select().from(calls).where(eq(calls.channelUuid, trace.uuid));
        return found?.endReason ? found : undefined;
      },
      'the end of the looping call',
      60_000,
    );
    expect(row).toMatchObject({ endReason: 'error', endNode: simulated.end.node, endDetail: simulated.end.detail });
  }, 120_000);
});
