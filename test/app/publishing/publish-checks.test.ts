// Publishing refuses what would not help a runtime: a draft identical to the latest version, and a flow that validates but does not compile.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidFlowError, UnchangedFlowError } from '../../../app/_server/errors';
import type { FlowDocument } from '../../../flow-engine/document';
import { auditLog, flowVersions, schedules } from '../../../schemas/db';
import { callerAs } from '../helpers/callers';
import { listenTo, type NotificationLog } from '../helpers/notifications';
import { helpdeskFlow, insertFlow, setDraft } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

/** A subflow (or, with `kind` undefined, a flow) that plays a prompt and then calls `next`, if given. */
function chainLink(key: string, next: string | undefined, kind: 'subflow' | undefined = 'subflow'): FlowDocument {
  const tts = { tts: { 'en-US': `In ${key}.` } };
  return {
    schemaVersion: 1,
    id: key,
    name: `Link ${key}`,
    ...(kind ? { kind } : {}),
    languages: ['en-US'],
    defaultLanguage: 'en-US',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
      { id: 'say', type: 'play', position: { x: 0, y: 100 }, config: { prompt: tts } },
      ...(next ? [{ id: 'call', type: 'subflow', position: { x: 0, y: 200 }, config: { flow: { ref: next } } }] : []),
    ],
    edges: [
      { id: 'e1', source: 'start', port: 'next', target: 'say' },
      ...(next ? [{ id: 'e2', source: 'say', port: 'next', target: 'call' }] : []),
    ],
  };
}

describe.each(testBackends)('publish checks on $name', (backend) => {
  let database: TestDatabase;
  let designer: Awaited<ReturnType<typeof callerAs>>;
  let publishes: NotificationLog;
  beforeAll(async () => {
    database = await backend.open();
    designer = await callerAs(database.db, 'designer');
    publishes = await listenTo(database.handle, 'callflow_publish');
  });
  afterAll(async () => {
    await publishes?.stop();
    await database?.close();
  });

  const versionCount = async (flowId: string) =>
    (await database.db.select().from(flowVersions).where(eq(flowVersions.flowId, flowId))).length;
  const auditCount = async (flowId: string) =>
    (await database.db.select().from(auditLog).where(eq(auditLog.entityId, flowId))).length;

  it('publishing a draft identical to the latest version says so, names the version and creates nothing', async () => {
    const flowId = await insertFlow(database.db, helpdeskFlow('same-again'));
    await designer.caller.versions.publish({ flowId, note: 'first' });
    // Same content with another key order: the canonical checksum is what counts.
    const reordered = Object.fromEntries(
      Object.entries(helpdeskFlow('same-again')).reverse(),
    ) as unknown as FlowDocument;
    await setDraft(database.db, flowId, reordered);
    const error = await trpcError(designer.caller.versions.publish({ flowId, note: 'second' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      '"Helpdesk same-again" is unchanged since version 1; nothing was published. Change the draft first, or bind a line to version 1.',
    );
    expect(error.cause).toBeInstanceOf(UnchangedFlowError);
    expect((error.cause as UnchangedFlowError).version).toBe(1);
    expect(await versionCount(flowId)).toBe(1);
    expect(await auditCount(flowId)).toBe(1);
    expect(publishes.payloads.filter((p) => (p as { flowId: string }).flowId === flowId)).toEqual([
      { flowId, version: 1 },
    ]);
  });

  it('rolling back to a version identical to the latest is refused as unchanged too', async () => {
    const flowId = await insertFlow(database.db, helpdeskFlow('roll-same'));
    await designer.caller.versions.publish({ flowId, note: '' });
    await setDraft(database.db, flowId, helpdeskFlow('roll-same', { welcome: 'Second.' }));
    await designer.caller.versions.publish({ flowId, note: '' });
    await designer.caller.versions.rollback({ flowId, version: 1, note: '' });
    const error = await trpcError(designer.caller.versions.rollback({ flowId, version: 1, note: '' }));
    expect(error.message).toBe(
      '"Helpdesk roll-same" is unchanged since version 3; nothing was published. Change the draft first, or bind a line to version 3.',
    );
    expect(await versionCount(flowId)).toBe(3);
  });

  it('a shared schedule holding a date that does not exist (saved before the router checked dates) is refused at publish', async () => {
    // Written straight to the table, as a row from before the check: the router itself now refuses it.
    const definition = {
      timezone: 'Asia/Shanghai',
      weekly: { mon: [{ from: '09:00', to: '18:00' }] },
      holidays: [{ date: '2026-02-31' }],
      specialDays: [],
    };
    await database.db.insert(schedules).values({ key: 'old-office', name: 'Old office', definition });
    const draft = chainLink('dated', undefined, undefined);
    draft.nodes.push({
      id: 'hours',
      type: 'schedule',
      position: { x: 0, y: 200 },
      config: { schedule: { ref: 'old-office' } },
    });
    draft.nodes.push({ id: 'bye', type: 'hangup', position: { x: 0, y: 300 }, config: {} });
    draft.edges.push(
      { id: 'e2', source: 'say', port: 'next', target: 'hours' },
      ...['open', 'closed', 'holiday'].map((port) => ({ id: `e-${port}`, source: 'hours', port, target: 'bye' })),
    );
    const flowId = await insertFlow(database.db, draft);
    const error = await trpcError(designer.caller.versions.publish({ flowId, note: '' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toBeInstanceOf(InvalidFlowError);
    expect((error.cause as InvalidFlowError).issues).toEqual([
      expect.objectContaining({
        rule: 'invalid-schedule',
        nodeId: 'hours',
        message: expect.stringContaining('"2026-02-31" is not a calendar date'),
      }),
    ]);
    expect(await versionCount(flowId)).toBe(0);
  });

  it('a flow whose subflows nest deeper than the engine runs is refused at publish, on the calling node, and nothing is written', async () => {
    // top → s1 → s2 → … → s9: every document is valid on its own, but the engine inlines at most 8 levels.
    const keys = Array.from({ length: 9 }, (_, i) => `deep-s${i + 1}`);
    for (let i = keys.length - 1; i >= 0; i--) {
      const id = await insertFlow(database.db, chainLink(keys[i]!, keys[i + 1]));
      await designer.caller.versions.publish({ flowId: id, note: '' });
    }
    const topId = await insertFlow(database.db, chainLink('deep-top', keys[0], undefined));
    const error = await trpcError(designer.caller.versions.publish({ flowId: topId, note: '' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause).toBeInstanceOf(InvalidFlowError);
    const issues = (error.cause as InvalidFlowError).issues;
    expect(issues.length).toBeGreaterThan(0);
    // Either validation (once it knows the limit) or the compile step refuses it; never a missing or invalid subflow.
    expect(issues).toContainEqual(
      expect.objectContaining({ nodeId: 'call', message: expect.stringMatching(/deep|levels|compile|inside itself/i) }),
    );
    expect(issues.filter((issue) => /not defined|invalid-subflow/.test(`${issue.rule} ${issue.message}`))).toEqual([]);
    expect(await versionCount(topId)).toBe(0);
  });
});
