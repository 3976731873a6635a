// Audit router (admin): filters by actor, action, entity and time range, newest first, in keyset pages.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../../schemas/record-audit';
import { auditLog } from '../../../schemas/db';
import { callerAs, callerFor } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

describe.each(testBackends)('audit router on $name', (backend) => {
  let database: TestDatabase;
  let admin: Caller;
  let designer: Caller;
  beforeAll(async () => {
    database = await backend.open();
    admin = await callerAs(database.db, 'admin', 'Ada Admin');
    designer = await callerAs(database.db, 'designer', 'Dana Designer');
    // Five rows an hour apart, oldest first, written directly so their times are known.
    const base = Date.parse('2026-11-20T08:00:00Z');
    const rows = [
      { actorId: admin.user.id, action: 'line.create', entityType: 'line', entityId: 'line-1' },
      { actorId: designer.user.id, action: 'version.publish', entityType: 'flow', entityId: 'flow-1' },
      { actorId: designer.user.id, action: 'version.publish', entityType: 'flow', entityId: 'flow-2' },
      { actorId: admin.user.id, action: 'line.bind', entityType: 'line', entityId: 'line-1' },
      { actorId: designer.user.id, action: 'version.rollback', entityType: 'flow', entityId: 'flow-1' },
    ];
    for (const [i, row] of rows.entries()) {
      await database.db
        .insert(auditLog)
        .values({ ...row, before: { step: i }, after: { step: i + 1 }, at: new Date(base + i * 3_600_000) });
    }
  });
  afterAll(() => database?.close());

  const actions = (entries: { action: string }[]) => entries.map((e) => e.action);

  it('lists newest first with the actor’s name and the before/after state', async () => {
    const { entries, nextCursor } = await admin.caller.audit.list({});
    expect(actions(entries)).toEqual([
      'version.rollback',
      'line.bind',
      'version.publish',
      'version.publish',
      'line.create',
    ]);
    expect(entries[0]).toMatchObject({
      actorName: 'Dana Designer',
      entityType: 'flow',
      entityId: 'flow-1',
      before: { step: 4 },
      after: { step: 5 },
    });
    expect(nextCursor).toBeNull();
  });

  it('filters by actor, action, entity type and entity id', async () => {
    expect(actions((await admin.caller.audit.list({ actorId: admin.user.id })).entries)).toEqual([
      'line.bind',
      'line.create',
    ]);
    expect((await admin.caller.audit.list({ action: 'version.publish' })).entries.map((e) => e.entityId)).toEqual([
      'flow-2',
      'flow-1',
    ]);
    expect(actions((await admin.caller.audit.list({ entityType: 'flow', entityId: 'flow-1' })).entries)).toEqual([
      'version.rollback',
      'version.publish',
    ]);
  });

  it('filters by a time range, both ends included', async () => {
    const { entries } = await admin.caller.audit.list({
      from: new Date('2026-11-20T09:00:00Z'),
      to: new Date('2026-11-20T11:00:00Z'),
    });
    expect(actions(entries)).toEqual(['line.bind', 'version.publish', 'version.publish']);
    const error = await trpcError(
      admin.caller.audit.list({ from: new Date('2026-11-21T00:00:00Z'), to: new Date('2026-11-20T00:00:00Z') }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('The start of the time range must not be after its end.');
  });

  it('pages with a cursor without repeating or skipping rows, even when new rows arrive in between', async () => {
    const first = await admin.caller.audit.list({ limit: 2 });
    expect(actions(first.entries)).toEqual(['version.rollback', 'line.bind']);
    await recordAudit(database.db, {
      actor: admin.user,
      action: 'integration.create',
      entityType: 'integration',
      entityId: 'crm',
    });
    const second = await admin.caller.audit.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.entries.map((e) => e.entityId)).toEqual(['flow-2', 'flow-1']);
    const third = await admin.caller.audit.list({ limit: 2, cursor: second.nextCursor! });
    expect(actions(third.entries)).toEqual(['line.create']);
    expect(third.nextCursor).toBeNull();
  });

  it('a tampered cursor or range naming a day that does not exist, or an impossible offset, is refused with a sentence', async () => {
    for (const at of ['2026-02-31T10:00:00Z', '2026-02-29T10:00:00+08:00', '2026-11-20T10:00:00+99:00']) {
      const error = await trpcError(admin.caller.audit.list({ cursor: { at, id: 3 } }));
      expect(error.code, at).toBe('BAD_REQUEST');
      expect(error.message, at).toBe(
        'cursor.at: The cursor time must be a date and time, e.g. 2026-11-23T10:00:00+08:00.',
      );
    }
    const range = await trpcError(admin.caller.audit.list({ from: '2026-02-30T00:00:00Z' }));
    expect(range.message).toBe(
      'from: The start of the time range must be a date and time, e.g. 2026-11-23T10:00:00+08:00.',
    );
    // A leap day is a day.
    expect((await admin.caller.audit.list({ from: '2024-02-29T00:00:00Z' })).entries.length).toBeGreaterThan(0);
  });

  it('names each target by its current name, or by the name its entry recorded once the target is gone', async () => {
    const flow = await admin.caller.flows.create({ name: '售后热线' });
    await admin.caller.flows.rename({ flowId: flow.id, name: '售后热线（新）' });
    const gone = '6f1d3a52-8c1e-4b7a-9f0e-2d4c5b6a7e80';
    await recordAudit(database.db, {
      actor: admin.user,
      action: 'agent.delete',
      entityType: 'agent',
      entityId: gone,
      before: { name: '王小明' },
    });
    await recordAudit(database.db, {
      actor: admin.user,
      action: 'settings.update',
      entityType: 'settings',
      entityId: 'settings',
    });
    const named = (await admin.caller.audit.list({ limit: 4 })).entries.map((e) => [e.action, e.entityName]);
    expect(named).toEqual([
      ['settings.update', null],
      ['agent.delete', '王小明'],
      ['flow.rename', '售后热线（新）'],
      ['flow.create', '售后热线（新）'],
    ]);
    // Ids that are not the table's shape (older rows, hand-written ids) are left unnamed rather than failing the page.
    expect((await admin.caller.audit.list({ entityId: 'flow-1' })).entries.map((e) => e.entityName)).toEqual([
      null,
      null,
    ]);
  });

  it('only administrators may read the audit log', async () => {
    for (const role of ['designer', 'tester', 'viewer'] as const) {
      const { caller } = await callerAs(database.db, role);
      expect((await trpcError(caller.audit.list({}))).code).toBe('FORBIDDEN');
    }
    expect((await trpcError(callerFor(database.db, null).audit.list({}))).code).toBe('UNAUTHORIZED');
  });
});
