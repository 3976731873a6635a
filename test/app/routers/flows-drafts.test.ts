// Flows router, saving: saveDraft and saveTests apply only to the revision they were based on.

import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { selectRows } from '../../../schemas/database';
import { flows } from '../../../schemas/db';
import { useDesignTeam } from '../helpers/design-team';
import { expectTrpcError } from '../helpers/expect-trpc-error';
import { testBackends } from '../helpers/test-database';

function withWelcome(draft: FlowDocument, text: string): FlowDocument {
  return {
    ...draft,
    nodes: [
      ...draft.nodes.filter((node) => node.id !== 'welcome'),
      { id: 'welcome', type: 'play', position: { x: 200, y: 0 }, config: { prompt: { tts: { 'en-US': text } } } },
    ],
  };
}

describe.each(testBackends)('flow drafts on $name', (backend) => {
  const team = useDesignTeam(backend);

  it('saveDraft stores the document, bumps the revision and returns its validation', async () => {
    const flow = await team.newFlow('Draft one');
    const saved = await team.dana.caller.flows.saveDraft({
      flowId: flow.id,
      baseRevision: 1,
      document: withWelcome(flow.draft, 'Hi'),
    });
    expect(saved.revision).toBe(2);
    // The unconnected welcome node is reported, but a draft may be unfinished, so it is still saved.
    expect(saved.validation.valid).toBe(false);
    expect(saved.validation.errors.map((issue) => [issue.rule, issue.nodeId])).toContainEqual([
      'unreachable-node',
      'welcome',
    ]);
    const stored = await team.dana.caller.flows.get({ flowId: flow.id });
    expect(stored.draft.nodes.map((node) => node.id)).toEqual(['start', 'end', 'welcome']);
    expect(stored.revision).toBe(2);
  });

  it('a stale revision is refused with CONFLICT naming who saved last, and nothing is overwritten', async () => {
    const flow = await team.newFlow('Contested');
    await team.sam.caller.flows.saveDraft({
      flowId: flow.id,
      baseRevision: 1,
      document: withWelcome(flow.draft, 'Sam was here'),
    });
    const error = await expectTrpcError(
      team.dana.caller.flows.saveDraft({
        flowId: flow.id,
        baseRevision: 1,
        document: withWelcome(flow.draft, 'Dana was here'),
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(
      /^Sam Designer saved this flow at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(revision 2\) after you opened revision 1\. Your changes were not saved; reload the flow to see theirs, then make your changes again\.$/,
    );
    const stored = await team.dana.caller.flows.get({ flowId: flow.id });
    expect(stored.draft.nodes.find((node) => node.id === 'welcome')?.config).toEqual({
      prompt: { tts: { 'en-US': 'Sam was here' } },
    });
  });

  it('two saves at the same revision at the same moment: exactly one wins, the other gets CONFLICT', async () => {
    const flow = await team.newFlow('Race');
    const results = await Promise.allSettled([
      team.dana.caller.flows.saveDraft({ flowId: flow.id, baseRevision: 1, document: withWelcome(flow.draft, 'Dana') }),
      team.sam.caller.flows.saveDraft({ flowId: flow.id, baseRevision: 1, document: withWelcome(flow.draft, 'Sam') }),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'CONFLICT' });
    const winner = results[0].status === 'fulfilled' ? 'Dana' : 'Sam';
    expect(String((lost[0]!.reason as Error).message)).toContain(`${winner} Designer saved this flow`);
    const [row] = await team.database.db
      .select({ revision: flows.revision, draft: flows.draft })
      .from(flows)
      .where(eq(flows.id, flow.id));
    expect(row!.revision).toBe(2);
    expect(row!.draft.nodes.find((node) => node.id === 'welcome')?.config).toEqual({
      prompt: { tts: { 'en-US': winner } },
    });
  });

  it('saveDraft refuses a document whose id differs from the flow key', async () => {
    const flow = await team.newFlow('Keyed');
    const error = await expectTrpcError(
      team.dana.caller.flows.saveDraft({ flowId: flow.id, baseRevision: 1, document: { ...flow.draft, id: 'other' } }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('The flow id cannot change from "keyed" to "other"; other flows and lines refer to it.');
  });

  it('saveDraft refuses a document over 2 MB with PAYLOAD_TOO_LARGE', async () => {
    const flow = await team.newFlow('Huge');
    const document = { ...flow.draft, description: 'x'.repeat(2 * 1024 * 1024) };
    const error = await expectTrpcError(
      team.dana.caller.flows.saveDraft({ flowId: flow.id, baseRevision: 1, document }),
    );
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toBe('The flow is 2.0 MB; a flow can be at most 2.0 MB.');
  });

  it('saveTests by a tester replaces only the tests and keeps the designer’s nodes', async () => {
    const flow = await team.newFlow('Tested');
    const saved = await team.tess.caller.flows.saveTests({
      flowId: flow.id,
      baseRevision: 1,
      tests: [{ name: 'the call hangs up', inputs: [], expect: { end: 'end' } }],
    });
    expect(saved.revision).toBe(2);
    expect(saved.validation).toEqual({ valid: true, errors: [], warnings: [] });
    const stored = await team.tess.caller.flows.get({ flowId: flow.id });
    expect(stored.draft).toEqual({
      ...flow.draft,
      tests: [{ name: 'the call hangs up', inputs: [], expect: { end: 'end' } }],
    });
    expect(stored.updatedByName).toBe('Tess Tester');
  });

  it('saveTests based on a stale revision is refused with CONFLICT and keeps the newer draft', async () => {
    const flow = await team.newFlow('Tests race');
    await team.dana.caller.flows.saveDraft({
      flowId: flow.id,
      baseRevision: 1,
      document: withWelcome(flow.draft, 'New prompt'),
    });
    const error = await expectTrpcError(
      team.tess.caller.flows.saveTests({ flowId: flow.id, baseRevision: 1, tests: [{ name: 'late' }] }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/^Dana Designer saved this flow at .* \(revision 2\) after you opened revision 1\./);
    const stored = await team.tess.caller.flows.get({ flowId: flow.id });
    expect(stored.draft.tests).toEqual([]);
    expect(stored.draft.nodes.map((node) => node.id)).toContain('welcome');
  });

  it('saving an archived flow is refused', async () => {
    const flow = await team.newFlow('Retired');
    await team.dana.caller.flows.archive({ flowId: flow.id });
    const error = await expectTrpcError(
      team.dana.caller.flows.saveDraft({ flowId: flow.id, baseRevision: 1, document: flow.draft }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('The flow "Retired" is archived; restore it before changing it.');
  });

  it('the draft is stored as a JSON object, not as a string', async () => {
    const flow = await team.newFlow('Stored as jsonb');
    const [kind] = await selectRows<{ kind: string }>(
      team.database.db,
      sql`select jsonb_typeof(draft) as kind from flows where id = ${flow.id}`,
    );
    expect(kind!.kind).toBe('object');
  });
});
