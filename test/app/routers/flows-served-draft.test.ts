// The draft against what the lines serve: versions.latest, flows.discardDraft, and the conflict that names the
// user's own other tab.

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { StaleRevisionError } from '../../../app/_server/errors';
import { auditLog } from '../../../schemas/db';
import { useDesignTeam } from '../helpers/design-team';
import { expectTrpcError } from '../helpers/expect-trpc-error';
import { testBackends } from '../helpers/test-database';

const relabel = (draft: FlowDocument, label: string): FlowDocument => ({
  ...draft,
  nodes: draft.nodes.map((n) => (n.id === 'start' ? { ...n, label } : n)),
});

describe.each(testBackends)('served version and discarding the draft on $name', (backend) => {
  const team = useDesignTeam(backend);

  it('a conflict says whether the same account saved last (the user’s other tab) and which revision was stale', async () => {
    const flow = await team.newFlow('Two tabs');
    await team.dana.caller.flows.saveDraft({
      flowId: flow.id,
      baseRevision: 1,
      document: relabel(flow.draft, 'tab one'),
    });
    const own = await expectTrpcError(
      team.dana.caller.flows.saveDraft({ flowId: flow.id, baseRevision: 1, document: relabel(flow.draft, 'tab two') }),
    );
    expect(own.code).toBe('CONFLICT');
    expect(own.cause).toBeInstanceOf(StaleRevisionError);
    expect((own.cause as StaleRevisionError).current).toMatchObject({
      revision: 2,
      savedBy: 'Dana Designer',
      bySelf: true,
    });
    expect((own.cause as StaleRevisionError).baseRevision).toBe(1);
    const other = await expectTrpcError(
      team.sam.caller.flows.saveDraft({ flowId: flow.id, baseRevision: 1, document: relabel(flow.draft, 'sam') }),
    );
    expect((other.cause as StaleRevisionError).current).toMatchObject({ savedBy: 'Dana Designer', bySelf: false });
  });

  it('latest is null before the first publish; discarding then is refused with a reason', async () => {
    const flow = await team.newFlow('Never published');
    expect(await team.dana.caller.versions.latest({ flowId: flow.id })).toBeNull();
    const error = await expectTrpcError(team.dana.caller.flows.discardDraft({ flowId: flow.id, baseRevision: 1 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('This flow has no published version to go back to; publish it first.');
  });

  it('discardDraft puts the newest version back as the draft on the revision given, and refuses a stale one', async () => {
    const flow = await team.newFlow('Published once');
    await team.dana.caller.versions.publish({ flowId: flow.id, note: '' });
    const edited = await team.dana.caller.flows.saveDraft({
      flowId: flow.id,
      baseRevision: 1,
      document: relabel(flow.draft, 'changed since'),
    });
    expect((await team.dana.caller.versions.latest({ flowId: flow.id }))?.number).toBe(1);

    const stale = await expectTrpcError(team.dana.caller.flows.discardDraft({ flowId: flow.id, baseRevision: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(
      await team.tess.caller.flows
        .discardDraft({ flowId: flow.id, baseRevision: edited.revision })
        .catch((e: { code: string }) => e.code),
    ).toBe('FORBIDDEN');

    const discarded = await team.dana.caller.flows.discardDraft({ flowId: flow.id, baseRevision: edited.revision });
    expect(discarded).toMatchObject({ revision: edited.revision + 1, version: 1, draft: flow.draft });
    const stored = await team.dana.caller.flows.get({ flowId: flow.id });
    expect(stored.draft).toEqual(flow.draft);
    expect(stored.revision).toBe(edited.revision + 1);
    const audited = await team.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'flow.discardDraft'), eq(auditLog.entityId, flow.id)));
    expect(audited.map((row) => [row.actorId, row.before, row.after])).toEqual([
      [team.dana.user.id, { revision: edited.revision }, { revision: edited.revision + 1, version: 1 }],
    ]);
  });
});
