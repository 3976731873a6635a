// Settings router and the "require all tests to pass before publishing" check in versions.publish.

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import type { TestCase } from '../../../flow-engine/test-case';
import { auditLog, flowVersions } from '../../../schemas/db';
import { callerAs, callerFor } from '../helpers/callers';
import { helpdeskFlow, insertFlow } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

const tts = (text: string) => ({ tts: { 'en-US': text } });

/** start → hours (schedule `office` from the database) → open: welcome / closed or holiday: closedMsg. */
function officeFlow(key: string, tests: TestCase[]): FlowDocument {
  return {
    schemaVersion: 1,
    id: key,
    name: `Office ${key}`,
    languages: ['en-US'],
    defaultLanguage: 'en-US',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      { id: 'hours', type: 'schedule', position: { x: 0, y: 100 }, config: { schedule: { ref: 'office' } } },
      { id: 'welcome', type: 'hangup', position: { x: 0, y: 200 }, config: { prompt: tts('We are open.') } },
      { id: 'closedMsg', type: 'hangup', position: { x: 200, y: 200 }, config: { prompt: tts('We are closed.') } },
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'hours' },
      { id: 'e2', source: 'hours', port: 'open', target: 'welcome' },
      { id: 'e3', source: 'hours', port: 'closed', target: 'closedMsg' },
      { id: 'e4', source: 'hours', port: 'holiday', target: 'closedMsg' },
    ],
    tests,
  };
}

// Monday 10:00 in Shanghai.
const mondayMorning = '2026-11-23T10:00:00+08:00';
const opensOnMonday: TestCase = {
  name: 'Monday morning is open',
  call: { at: mondayMorning },
  expect: { end: 'welcome' },
};
const closedOnMonday: TestCase = {
  name: 'Monday morning is closed',
  call: { at: mondayMorning },
  expect: { end: 'closedMsg' },
};

describe.each(testBackends)('settings router on $name', (backend) => {
  let database: TestDatabase;
  let admin: Caller;
  let designer: Caller;
  let viewer: Caller;
  beforeAll(async () => {
    database = await backend.open();
    [admin, designer, viewer] = await Promise.all([
      callerAs(database.db, 'admin', 'Ada Admin'),
      callerAs(database.db, 'designer'),
      callerAs(database.db, 'viewer'),
    ]);
    // Open Monday to Friday 09:00–18:00: the tests above only agree with the flow when this schedule is resolved.
    const weekday = [{ from: '09:00', to: '18:00' }];
    await designer.caller.resources.schedules.create({
      key: 'office',
      definition: {
        timezone: 'Asia/Shanghai',
        weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
        holidays: [],
        specialDays: [],
      },
    });
  });
  afterAll(() => database?.close());

  const setRequire = (value: boolean) => admin.caller.settings.update({ requireTestsToPublish: value });
  const versionCount = async (flowId: string) =>
    (await database.db.select().from(flowVersions).where(eq(flowVersions.flowId, flowId))).length;
  const publishAudits = async (flowId: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'version.publish'), eq(auditLog.entityId, flowId)));

  it('reads the default (off) before anyone saved settings, for every signed-in role', async () => {
    expect(await viewer.caller.settings.get()).toEqual({ requireTestsToPublish: false });
    expect(await designer.caller.settings.get()).toEqual({ requireTestsToPublish: false });
  });

  it('refuses signed-out readers and non-admin writers', async () => {
    expect((await trpcError(callerFor(database.db, null).settings.get())).code).toBe('UNAUTHORIZED');
    const refused = await trpcError(designer.caller.settings.update({ requireTestsToPublish: true }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await viewer.caller.settings.get()).toEqual({ requireTestsToPublish: false });
  });

  it('refuses input that is not exactly { requireTestsToPublish: boolean }', async () => {
    const wrongType = await trpcError(admin.caller.settings.update({ requireTestsToPublish: 'yes' } as never));
    expect(wrongType.code).toBe('BAD_REQUEST');
    expect(wrongType.message).toContain('requireTestsToPublish');
    const extra = await trpcError(admin.caller.settings.update({ requireTestsToPublish: true, other: 1 } as never));
    expect(extra.code).toBe('BAD_REQUEST');
  });

  it('an admin turns the setting on and off; each change is audited with before and after', async () => {
    expect(await setRequire(true)).toEqual({ requireTestsToPublish: true });
    expect(await viewer.caller.settings.get()).toEqual({ requireTestsToPublish: true });
    expect(await setRequire(false)).toEqual({ requireTestsToPublish: false });
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.update'))
      .orderBy(auditLog.id);
    expect(
      entries.map((e) => ({ actorId: e.actorId, entityType: e.entityType, before: e.before, after: e.after })),
    ).toEqual([
      {
        actorId: admin.user.id,
        entityType: 'settings',
        before: { requireTestsToPublish: false },
        after: { requireTestsToPublish: true },
      },
      {
        actorId: admin.user.id,
        entityType: 'settings',
        before: { requireTestsToPublish: true },
        after: { requireTestsToPublish: false },
      },
    ]);
  });

  it('with the setting off, a flow whose test fails still publishes', async () => {
    await setRequire(false);
    const flowId = await insertFlow(database.db, officeFlow('off-failing', [closedOnMonday]));
    expect((await designer.caller.versions.publish({ flowId, note: '' })).number).toBe(1);
  });

  it('with the setting on, a failing test refuses the publish with PRECONDITION_FAILED naming it, and nothing is written', async () => {
    await setRequire(true);
    const flowId = await insertFlow(database.db, officeFlow('on-failing', [opensOnMonday, closedOnMonday]));
    const error = await trpcError(designer.caller.versions.publish({ flowId, note: 'should not land' }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toBe(
      '"Office on-failing" cannot be published: publishing requires every test to pass, and 1 test fails of 2: "Monday morning is closed". ' +
        'First failure ("Monday morning is closed"): Expected the call to end at "closedMsg", but it ended at "welcome" (hangup).',
    );
    expect(await versionCount(flowId)).toBe(0);
    expect(await publishAudits(flowId)).toEqual([]);
  });

  it('with the setting on, tests run against the database resources and a passing flow publishes', async () => {
    await setRequire(true);
    // Passes only when "office" resolves to the weekday hours stored above (10:00 Monday is open).
    const flowId = await insertFlow(database.db, officeFlow('on-passing', [opensOnMonday]));
    expect((await designer.caller.versions.publish({ flowId, note: '' })).number).toBe(1);
    expect(await publishAudits(flowId)).toHaveLength(1);
  });

  it('with the setting on, a flow without tests publishes (there is nothing failing)', async () => {
    await setRequire(true);
    const flowId = await insertFlow(database.db, helpdeskFlow('no-tests'));
    expect((await designer.caller.versions.publish({ flowId, note: '' })).number).toBe(1);
  });
});
