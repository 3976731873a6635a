// Deleting a schedule, skill group or integration that a version served by a line references is refused, naming the flows.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines } from '../../../schemas/db';
import { flow, node } from '../../flow-engine/support/build-flow';
import { addLine, publish } from '../../runtime/helpers/runtime-harness';
import { callerAs } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

describe.each(testBackends)('deleting resources that served flows use, on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  it('is refused while a line serves a version that references the resource, and allowed once no line does', async () => {
    const { caller } = await callerAs(database.db, 'admin');
    const schedule = await caller.resources.schedules.create({
      key: 'office',
      name: 'Office',
      definition: { timezone: 'UTC', weekly: { mon: [{ from: '09:00', to: '17:00' }] } },
    });
    const group = await caller.resources.skillGroups.create({ key: 'sales', name: 'Sales' });
    const unused = await caller.resources.skillGroups.create({ key: 'unused', name: 'Unused' });
    const f = flow(
      [
        node('hours', 'schedule', { schedule: { ref: 'office' } }),
        node('q', 'queue', { skillGroup: { ref: 'sales' } }),
        node('x', 'hangup'),
      ],
      [
        'start:next->hours',
        'hours:open->q',
        'hours:closed->x',
        'hours:holiday->x',
        'q:overflow->x',
        'q:noAgents->x',
        'q:callback->x',
      ],
      { id: 'in-use' },
    );
    const { flowId } = await publish(database.handle, f);
    await addLine(database.handle, '4008005001', flowId);

    const refused = await trpcError(caller.resources.schedules.delete({ id: schedule.id }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toBe(
      'The schedule "office" is used by a flow that lines serve now: Test flow (v1). Publish versions without it or unbind those lines first.',
    );
    expect((await trpcError(caller.resources.skillGroups.delete({ id: group.id }))).message).toContain(
      'The skill group "sales" is used by a flow that lines serve now: Test flow (v1)',
    );
    expect(await caller.resources.skillGroups.delete({ id: unused.id })).toEqual({ id: unused.id, deleted: true });

    await database.db.delete(lines).where(eq(lines.number, '4008005001'));
    expect(await caller.resources.schedules.delete({ id: schedule.id })).toEqual({ id: schedule.id, deleted: true });
  });
});
