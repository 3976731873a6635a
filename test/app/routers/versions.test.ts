// Versions router: publish validates and writes version n+1 with audit and NOTIFY; list, get, diff, rollback; role checks.

import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidFlowError } from '../../../app/_server/errors';
import { publishDocument } from '../../../app/_server/publishing/publish-document';
import { canonicalJson } from '../../../flow-engine/canonical-json';
import type { FlowDocument } from '../../../flow-engine/document';
import { auditLog, flows, flowVersions } from '../../../schemas/db';
import { callerAs, callerFor } from '../helpers/callers';
import { listenTo, type NotificationLog } from '../helpers/notifications';
import { brokenFlow, helpdeskFlow, insertFlow, setDraft } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

describe.each(testBackends)('versions router on $name', (backend) => {
  let database: TestDatabase;
  let designer: Caller;
  let viewer: Caller;
  let tester: Caller;
  let admin: Caller;
  let publishes: NotificationLog;
  beforeAll(async () => {
    database = await backend.open();
    [designer, viewer, tester, admin] = await Promise.all([
      callerAs(database.db, 'designer', 'Dana Designer'),
      callerAs(database.db, 'viewer'),
      callerAs(database.db, 'tester'),
      callerAs(database.db, 'admin'),
    ]);
    publishes = await listenTo(database.handle, 'callflow_publish');
  });
  afterAll(async () => {
    await publishes?.stop();
    await database?.close();
  });

  const versionRows = (flowId: string) =>
    database.db.select().from(flowVersions).where(eq(flowVersions.flowId, flowId));
  const auditRows = (flowId: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'flow'), eq(auditLog.entityId, flowId)));

  it('publish creates version 1 with the canonical checksum, the note and the publisher, and records it', async () => {
    const draft = helpdeskFlow('publish-one');
    const flowId = await insertFlow(database.db, draft);
    const published = await designer.caller.versions.publish({ flowId, note: 'First release' });
    expect(published).toMatchObject({
      flowId,
      number: 1,
      note: 'First release',
      publishedBy: designer.user.id,
      warnings: [],
    });
    expect(published.checksum).toBe(createHash('sha256').update(canonicalJson(draft)).digest('hex'));
    const [row] = await versionRows(flowId);
    expect(row!.document).toEqual(draft);
    const [entry] = await auditRows(flowId);
    expect(entry).toMatchObject({ action: 'version.publish', actorId: designer.user.id, before: null });
    expect(entry!.after).toEqual({ version: 1, checksum: published.checksum, note: 'First release' });
  });

  it('a listener receives NOTIFY callflow_publish with the flow id and version after publish', async () => {
    const flowId = await insertFlow(database.db, helpdeskFlow('notify-me'));
    await designer.caller.versions.publish({ flowId, note: '' });
    await setDraft(database.db, flowId, helpdeskFlow('notify-me', { welcome: 'Changed.' }));
    const second = await designer.caller.versions.publish({ flowId, note: 'again' });
    expect(second.number).toBe(2);
    expect(
      await publishes.waitFor(
        (p) => (p as { flowId: string }).flowId === flowId && (p as { version: number }).version === 2,
      ),
    ).toEqual({ flowId, version: 2 });
  });

  it('an invalid draft is refused with BAD_REQUEST carrying every issue, and nothing is written or announced', async () => {
    const flowId = await insertFlow(database.db, brokenFlow('broken'));
    const error = await trpcError(designer.caller.versions.publish({ flowId, note: 'should not land' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      '"Helpdesk broken" cannot be published until 3 problems are fixed. First: Edge "e9" leads to node "nowhere", which does not exist.',
    );
    expect(error.cause).toBeInstanceOf(InvalidFlowError);
    const issues = (error.cause as InvalidFlowError).issues;
    expect(issues.map((i) => i.rule).sort()).toEqual(['dangling-edge', 'duplicate-port', 'duplicate-port-edge']);
    expect(issues.find((i) => i.rule === 'duplicate-port')).toMatchObject({
      nodeId: 'menu',
      path: '/nodes/2/config/options/1/key',
    });
    expect(await versionRows(flowId)).toEqual([]);
    expect(await auditRows(flowId)).toEqual([]);
    // A later valid publish is announced; had the refused one been, its payload would have arrived first.
    const other = await insertFlow(database.db, helpdeskFlow('after-broken'));
    await designer.caller.versions.publish({ flowId: other, note: '' });
    await publishes.waitFor((p) => (p as { flowId: string }).flowId === other);
    expect(publishes.payloads.filter((p) => (p as { flowId: string }).flowId === flowId)).toEqual([]);
  });

  it('skill groups are resolved from the database: unknown until created, then the flow publishes', async () => {
    const flowId = await insertFlow(database.db, helpdeskFlow('queued', { queueKey: 'helpdesk-agents' }));
    const error = await trpcError(designer.caller.versions.publish({ flowId, note: '' }));
    expect((error.cause as InvalidFlowError).issues).toEqual([
      expect.objectContaining({ rule: 'unknown-resource', nodeId: 'agents', path: '/nodes/4/config/skillGroup' }),
    ]);
    await designer.caller.resources.skillGroups.create({ key: 'helpdesk-agents', name: 'Helpdesk agents' });
    expect((await designer.caller.versions.publish({ flowId, note: '' })).number).toBe(1);
  });

  /** The helpdesk with its menu replaced by a speech node `askReason` (press or say "help"). */
  const speechFlow = (key: string, kind: FlowDocument['kind'] = 'flow'): FlowDocument => {
    const flow: FlowDocument = { ...helpdeskFlow(key), kind };
    flow.nodes[2] = {
      id: 'askReason',
      type: 'speech',
      position: { x: 0, y: 200 },
      config: {
        prompt: { tts: { 'en-US': 'Say help, or press 1.' } },
        intents: [{ name: 'help', phrases: ['help'], dtmf: '1' }],
      },
    };
    const speechPort: Record<string, string> = { '1': 'help', invalid: 'noMatch', noInput: 'noInput' };
    const speechPortFor = (port: string) => {
      const mapped = speechPort[port];
      if (mapped === undefined) throw new Error(`The menu port "${port}" has no speech counterpart.`);
      return mapped;
    };
    flow.edges = flow.edges.map((edge) =>
      edge.source === 'menu'
        ? { ...edge, source: 'askReason', port: speechPortFor(edge.port) }
        : edge.target === 'menu'
          ? { ...edge, target: 'askReason' }
          : edge,
    );
    return flow;
  };

  it('a flow with a speech node is refused without CALLFLOW_ASR_ENGINE, naming the node and the setting, and nothing is written', async () => {
    const noAsr = callerFor(database.db, designer.user, { asrEngine: null });
    const flowId = await insertFlow(database.db, speechFlow('speech-no-asr'));
    const error = await trpcError(noAsr.versions.publish({ flowId, note: 'should not land' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      '"Helpdesk speech-no-asr" cannot be published until 1 problem is fixed. First: Speech node "askReason" needs speech recognition, but no ASR engine is configured (CALLFLOW_ASR_ENGINE); configure one or use a menu.',
    );
    expect((error.cause as InvalidFlowError).issues).toEqual([
      expect.objectContaining({ rule: 'asr-engine', nodeId: 'askReason', path: '/nodes/2' }),
    ]);
    expect(await versionRows(flowId)).toEqual([]);
    expect(await auditRows(flowId)).toEqual([]);
    // The same flow publishes where an ASR engine is configured.
    expect((await designer.caller.versions.publish({ flowId, note: '' })).number).toBe(1);
  });

  it("a flow whose subflow has a speech node is refused without CALLFLOW_ASR_ENGINE, naming the subflow's node", async () => {
    const childId = await insertFlow(database.db, speechFlow('speech-subflow', 'subflow'));
    await designer.caller.versions.publish({ flowId: childId, note: '' });
    const parent = helpdeskFlow('calls-speech-subflow');
    parent.nodes.push({
      id: 'ask',
      type: 'subflow',
      position: { x: 300, y: 0 },
      config: { flow: { ref: 'speech-subflow' } },
    });
    parent.edges[0]!.target = 'ask';
    parent.edges.push({ id: 'e10', source: 'ask', port: 'next', target: 'welcome' });
    const parentId = await insertFlow(database.db, parent);
    const noAsr = callerFor(database.db, designer.user, { asrEngine: null });
    const error = await trpcError(noAsr.versions.publish({ flowId: parentId, note: '' }));
    expect(error.message).toContain(
      'Speech node "speech-subflow/askReason" needs speech recognition, but no ASR engine is configured (CALLFLOW_ASR_ENGINE)',
    );
    // The issue points at the parent's subflow node, the one the designer can change in this flow.
    expect((error.cause as InvalidFlowError).issues).toEqual([
      expect.objectContaining({ rule: 'asr-engine', nodeId: 'ask', path: '/nodes/4/config/flow' }),
    ]);
    expect(await versionRows(parentId)).toEqual([]);
  });

  it('a subflow ref resolves to the latest published version of the flow with that key', async () => {
    const child: FlowDocument = { ...helpdeskFlow('identify-caller'), kind: 'subflow' };
    const childId = await insertFlow(database.db, child);
    const parent = helpdeskFlow('uses-subflow');
    parent.nodes.push({
      id: 'identify',
      type: 'subflow',
      position: { x: 300, y: 0 },
      config: { flow: { ref: 'identify-caller' } },
    });
    parent.edges[0]!.target = 'identify';
    parent.edges.push({ id: 'e10', source: 'identify', port: 'next', target: 'welcome' });
    const parentId = await insertFlow(database.db, parent);
    const error = await trpcError(designer.caller.versions.publish({ flowId: parentId, note: '' }));
    expect((error.cause as InvalidFlowError).issues.map((i) => i.rule)).toContain('unknown-resource');
    await designer.caller.versions.publish({ flowId: childId, note: 'subflow v1' });
    expect((await designer.caller.versions.publish({ flowId: parentId, note: '' })).number).toBe(1);
  });

  it('concurrent publishes of one draft create exactly one version; the others are told it is unchanged', async () => {
    const flowId = await insertFlow(database.db, helpdeskFlow('busy'));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => designer.caller.versions.publish({ flowId, note: `run ${i}` })),
    );
    const published = outcomes.filter((o) => o.status === 'fulfilled');
    expect(published.map((o) => o.value.number)).toEqual([1]);
    const refused = outcomes
      .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
      .map((o) => (o.reason as Error).message);
    expect(refused).toEqual(
      Array(5).fill(
        '"Helpdesk busy" is unchanged since version 1; nothing was published. Change the draft first, or bind a line to version 1.',
      ),
    );
    expect((await versionRows(flowId)).length).toBe(1);
  });

  it('concurrent rollbacks to different versions get distinct consecutive numbers', async () => {
    const flowId = await insertFlow(database.db, helpdeskFlow('busy-rollbacks'));
    for (const welcome of ['One.', 'Two.', 'Three.']) {
      await setDraft(database.db, flowId, helpdeskFlow('busy-rollbacks', { welcome }));
      await designer.caller.versions.publish({ flowId, note: welcome });
    }
    // Versions 1 and 2 differ from each other and from the latest (3), but each becomes "the latest" in turn.
    const results = await Promise.allSettled(
      [1, 2].map((version) => designer.caller.versions.rollback({ flowId, version, note: '' })),
    );
    const numbers = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.number);
    expect(numbers.sort()).toEqual([4, 5]);
    expect((await versionRows(flowId)).length).toBe(5);
  });

  it('a draft saved again between validation and the write is refused with CONFLICT and nothing is written', async () => {
    const draft = helpdeskFlow('raced');
    const flowId = await insertFlow(database.db, draft);
    await database.db.update(flows).set({ revision: 2 }).where(eq(flows.id, flowId));
    const error = await trpcError(
      publishDocument(database.db, {
        flowId,
        document: draft,
        source: { kind: 'draft', revision: 1 },
        note: '',
        actor: designer.user,
        action: 'version.publish',
        asrEngine: undefined,
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'The draft was saved again while it was being published; publish again to include the latest changes.',
    );
    expect(await versionRows(flowId)).toEqual([]);
    expect(await auditRows(flowId)).toEqual([]);
  });

  it('publishing a flow that does not exist is NOT_FOUND; an archived flow must be restored first', async () => {
    expect(
      (await trpcError(designer.caller.versions.publish({ flowId: '00000000-0000-4000-8000-000000000000', note: '' })))
        .code,
    ).toBe('NOT_FOUND');
    const flowId = await insertFlow(database.db, helpdeskFlow('archived'));
    await database.db.update(flows).set({ archivedAt: new Date() }).where(eq(flows.id, flowId));
    const error = await trpcError(designer.caller.versions.publish({ flowId, note: '' }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toBe('This flow is archived; restore it before publishing.');
  });

  describe('reading, diffing and rolling back', () => {
    let flowId: string;
    beforeAll(async () => {
      flowId = await insertFlow(database.db, helpdeskFlow('history'));
      await designer.caller.versions.publish({ flowId, note: 'v1' });
      const changed = helpdeskFlow('history', { welcome: 'Welcome back!' });
      changed.nodes[3]!.position = { x: 40, y: 300 };
      await setDraft(database.db, flowId, changed);
      await designer.caller.versions.publish({ flowId, note: 'v2' });
      await setDraft(database.db, flowId, helpdeskFlow('history', { welcome: 'Draft text' }));
    });

    it('list returns versions newest first without documents, in pages', async () => {
      const first = await viewer.caller.versions.list({ flowId, limit: 1 });
      expect(first.versions.map((v) => [v.number, v.note, v.publishedByName])).toEqual([[2, 'v2', 'Dana Designer']]);
      expect(first.versions[0]).not.toHaveProperty('document');
      expect(first.nextBefore).toBe(2);
      const second = await viewer.caller.versions.list({ flowId, limit: 1, before: 2 });
      expect(second.versions.map((v) => v.number)).toEqual([1]);
      expect(second.nextBefore).toBeNull();
    });

    it('get returns one version with its document; a missing number is NOT_FOUND', async () => {
      const v1 = await viewer.caller.versions.get({ flowId, version: 1 });
      expect(v1).toMatchObject({ number: 1, note: 'v1', publishedByName: 'Dana Designer' });
      expect(v1.document).toEqual(helpdeskFlow('history'));
      const error = await trpcError(viewer.caller.versions.get({ flowId, version: 9 }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('Version 9 of this flow does not exist.');
    });

    it('diff reports the changed prompt by JSON pointer and the move as layout only', async () => {
      const { diff } = await viewer.caller.versions.diff({ flowId, a: 1, b: 2 });
      expect(diff.nodes.changed).toEqual([
        {
          id: 'welcome',
          type: 'play',
          layoutOnly: false,
          fields: [
            {
              kind: 'changed',
              path: '/config/prompt/tts/en-US',
              before: 'Welcome to the helpdesk.',
              after: 'Welcome back!',
            },
          ],
        },
        {
          id: 'goodbye',
          type: 'hangup',
          layoutOnly: true,
          fields: [],
          position: { before: { x: 0, y: 300 }, after: { x: 40, y: 300 } },
        },
      ]);
      expect(diff.summary).toMatchObject({ nodesChanged: 1, nodesMoved: 1, edgesAdded: 0 });
      const toDraft = await viewer.caller.versions.diff({ flowId, a: 2, b: 'draft' });
      expect(toDraft.diff.nodes.changed.find((c) => c.id === 'welcome')?.fields[0]).toMatchObject({
        before: 'Welcome back!',
        after: 'Draft text',
      });
    });

    it('rollback publishes the old document as version n+1 with a note, audited and announced', async () => {
      const rolled = await designer.caller.versions.rollback({
        flowId,
        version: 1,
        note: 'v2 greeting confused callers',
      });
      expect(rolled).toMatchObject({ number: 3, note: 'Rollback to v1: v2 greeting confused callers' });
      const v3 = await viewer.caller.versions.get({ flowId, version: 3 });
      expect(v3.document).toEqual(helpdeskFlow('history'));
      expect(v3.checksum).toBe((await viewer.caller.versions.get({ flowId, version: 1 })).checksum);
      const [entry] = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, flowId), eq(auditLog.action, 'version.rollback')));
      expect(entry!.before).toEqual({ version: 2 });
      expect(entry!.after).toMatchObject({
        version: 3,
        rolledBackTo: 1,
        note: 'Rollback to v1: v2 greeting confused callers',
      });
      await publishes.waitFor(
        (p) => (p as { flowId: string }).flowId === flowId && (p as { version: number }).version === 3,
      );
      const [flow] = await database.db.select({ draft: flows.draft }).from(flows).where(eq(flows.id, flowId));
      expect(flow!.draft).toEqual(helpdeskFlow('history', { welcome: 'Draft text' }));
    });

    it('rollback without a note says which version it restored; rollback to a missing version is NOT_FOUND', async () => {
      expect((await designer.caller.versions.rollback({ flowId, version: 2 })).note).toBe('Rollback to v2');
      expect((await trpcError(designer.caller.versions.rollback({ flowId, version: 99 }))).code).toBe('NOT_FOUND');
    });

    it('viewers and testers may read but not publish or roll back; signed-out callers may do nothing', async () => {
      for (const who of [viewer, tester]) {
        const publish = await trpcError(who.caller.versions.publish({ flowId, note: '' }));
        expect(publish.code).toBe('FORBIDDEN');
        expect(publish.message).toMatch(/^This needs the designer role or higher/);
        expect((await trpcError(who.caller.versions.rollback({ flowId, version: 1 }))).code).toBe('FORBIDDEN');
      }
      expect((await admin.caller.versions.list({ flowId })).versions.length).toBeGreaterThan(0);
      const anonymous = callerFor(database.db, null);
      for (const call of [
        anonymous.versions.list({ flowId }),
        anonymous.versions.get({ flowId, version: 1 }),
        anonymous.versions.diff({ flowId, a: 1, b: 2 }),
        anonymous.versions.publish({ flowId, note: '' }),
        anonymous.versions.rollback({ flowId, version: 1 }),
      ]) {
        expect((await trpcError(call)).code).toBe('UNAUTHORIZED');
      }
    });

    it('a flow id that is not a UUID is refused with a field error', async () => {
      const error = await trpcError(viewer.caller.versions.list({ flowId: 'history' }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toContain('The flow id must be a UUID.');
    });
  });
});
