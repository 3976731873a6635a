// Versions router, the history page's reads: the caller-experience review of two versions or the draft, and the lines a flow serves.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs, callerFor } from '../helpers/callers';
import { helpdeskFlow, insertFlow, setDraft } from '../helpers/seed-flows';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';

type Caller = Awaited<ReturnType<typeof callerAs>>;

describe.each(testBackends)('versions review on $name', (backend) => {
  let database: TestDatabase;
  let designer: Caller;
  let viewer: Caller;
  let admin: Caller;
  let flowId: string;
  beforeAll(async () => {
    database = await backend.open();
    [designer, viewer, admin] = await Promise.all([
      callerAs(database.db, 'designer'),
      callerAs(database.db, 'viewer'),
      callerAs(database.db, 'admin'),
    ]);
    flowId = await insertFlow(database.db, helpdeskFlow('review'));
    await designer.caller.versions.publish({ flowId, note: 'v1' });
    await setDraft(database.db, flowId, helpdeskFlow('review', { welcome: 'Welcome back!' }));
    await designer.caller.versions.publish({ flowId, note: 'v2' });
    const draft = helpdeskFlow('review', { welcome: 'Welcome back!' });
    draft.edges = draft.edges.map((e) => (e.id === 'e3' ? { ...e, target: 'welcome' } : e));
    await setDraft(database.db, flowId, draft);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('callerDiff names the prompt that changed per language and the nodes to highlight', async () => {
    const { review } = await viewer.caller.versions.callerDiff({ flowId, a: 1, b: 2 });
    expect(review.identical).toBe(false);
    expect(review.prompts).toEqual([
      {
        node: 'welcome',
        path: '/config/prompt',
        language: 'en-US',
        change: 'changed',
        before: { kind: 'tts', text: 'Welcome to the helpdesk.' },
        after: { kind: 'tts', text: 'Welcome back!' },
        nodes: ['welcome'],
      },
    ]);
    expect(review.highlight.after).toEqual(['welcome']);
  });

  it('callerDiff against the draft reports a menu key that now leads elsewhere', async () => {
    const { a, b, review } = await viewer.caller.versions.callerDiff({ flowId, a: 2, b: 'draft' });
    expect([a, b]).toEqual([2, 'draft']);
    expect(review.prompts).toEqual([]);
    expect(review.ports).toContainEqual(
      expect.objectContaining({
        node: 'menu',
        port: '1',
        change: 'changed',
        before: { target: 'goodbye' },
        after: { target: 'welcome' },
      }),
    );
    expect(review.highlight.after).toEqual(expect.arrayContaining(['menu', 'welcome']));
  });

  it('callerDiff of a version that does not exist is NOT_FOUND', async () => {
    const error = await trpcError(viewer.caller.versions.callerDiff({ flowId, a: 1, b: 7 }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Version 7 of this flow does not exist.');
  });

  it('lines lists the numbers bound to the flow with their pinned version (null: latest), readable by viewers', async () => {
    await admin.caller.lines.create({ number: '+862180001111', flowId, version: 1, label: 'Pinned' });
    await admin.caller.lines.create({ number: '+862180002222', flowId, label: 'Follows latest' });
    const other = await insertFlow(database.db, helpdeskFlow('review-other'));
    await designer.caller.versions.publish({ flowId: other, note: '' });
    await admin.caller.lines.create({ number: '+862180003333', flowId: other });
    const served = await viewer.caller.versions.lines({ flowId });
    expect(served.map((l) => [l.number, l.version, l.label, l.enabled])).toEqual([
      ['+862180001111', 1, 'Pinned', true],
      ['+862180002222', null, 'Follows latest', true],
    ]);
  });

  it('signed-out callers may read neither the review nor the lines', async () => {
    const anonymous = callerFor(database.db, null);
    expect((await trpcError(anonymous.versions.callerDiff({ flowId, a: 1, b: 2 }))).code).toBe('UNAUTHORIZED');
    expect((await trpcError(anonymous.versions.lines({ flowId }))).code).toBe('UNAUTHORIZED');
  });
});
