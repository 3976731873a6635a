// Flows router, the life of a flow: templates, create, get, list, rename, archive/restore, duplicate, export.

import { eq } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../../flow-engine/validate';
import { auditLog, flows, lines } from '../../../schemas/db';
import { callerAs } from '../helpers/callers';
import { expectTrpcError } from '../helpers/expect-trpc-error';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const templatesDir = fileURLToPath(new URL('../../fixtures/app/templates', import.meta.url));

describe.each(testBackends)('flows lifecycle on $name', (backend) => {
  let database: TestDatabase;
  let designer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await backend.open();
    designer = await callerAs(database.db, 'designer', 'Dana Designer', { templatesDir });
  });
  afterAll(() => database?.close());

  it('templates lists the template files with name, description and size', async () => {
    expect(await designer.caller.flows.templates()).toEqual([
      { id: 'greeting', name: 'Greeting', description: 'Says hello and hangs up.', nodeCount: 3 },
    ]);
  });

  it('create without a template makes a valid blank flow keyed by its name, revision 1, audited', async () => {
    const created = await designer.caller.flows.create({ name: 'Retail Hotline (CN)' });
    expect(created).toMatchObject({ key: 'retail-hotline-cn', name: 'Retail Hotline (CN)', revision: 1 });
    const flow = await designer.caller.flows.get({ flowId: created.id });
    expect(flow.draft.id).toBe('retail-hotline-cn');
    expect(flow.draft.name).toBe('Retail Hotline (CN)');
    expect(validate(flow.draft)).toEqual({ valid: true, errors: [], warnings: [] });
    expect(flow.updatedByName).toBe('Dana Designer');
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toMatchObject([
      {
        action: 'flow.create',
        actorId: designer.user.id,
        entityType: 'flow',
        after: { key: 'retail-hotline-cn', name: 'Retail Hotline (CN)' },
      },
    ]);
  });

  it('a blank flow starts in its creator’s language: prompts and the hang-up node’s label', async () => {
    const created = await designer.caller.flows.create({ name: '售后热线', language: 'zh-CN' });
    const flow = await designer.caller.flows.get({ flowId: created.id });
    expect(flow.draft).toMatchObject({ languages: ['zh-CN'], defaultLanguage: 'zh-CN' });
    expect(flow.draft.nodes.map((node) => [node.type, node.label])).toEqual([
      ['start', undefined],
      ['hangup', '挂机'],
    ]);
    expect(validate(flow.draft)).toEqual({ valid: true, errors: [], warnings: [] });
    const english = await designer.caller.flows.get({
      flowId: (await designer.caller.flows.create({ name: 'Plain' })).id,
    });
    expect(english.draft.nodes.find((node) => node.type === 'hangup')?.label).toBe('Hang up');
  });

  it('create from a template copies its nodes and tests under the new name and a fresh key', async () => {
    const created = await designer.caller.flows.create({ name: 'Front desk', template: 'greeting' });
    const flow = await designer.caller.flows.get({ flowId: created.id });
    expect(flow.key).toBe('front-desk');
    expect(flow.draft.id).toBe('front-desk');
    expect(flow.draft.nodes.map((node) => node.id)).toEqual(['start', 'welcome', 'bye']);
    expect(flow.draft.tests?.map((test) => test.name)).toEqual(['the caller is greeted']);
  });

  it('create with an unknown template is NOT_FOUND and names the template', async () => {
    const error = await expectTrpcError(designer.caller.flows.create({ name: 'X', template: '../secrets' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('There is no template called "../secrets".');
  });

  it('a second flow with the same name gets the next free key', async () => {
    const first = await designer.caller.flows.create({ name: 'Sales' });
    const second = await designer.caller.flows.create({ name: 'Sales' });
    expect([first.key, second.key]).toEqual(['sales', 'sales-2']);
  });

  it('get of an unknown flow is NOT_FOUND', async () => {
    const error = await expectTrpcError(designer.caller.flows.get({ flowId: '00000000-0000-4000-8000-000000000000' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('That flow does not exist.');
  });

  it('rename changes the name in the row and the document and bumps the revision', async () => {
    const created = await designer.caller.flows.create({ name: 'Old name' });
    const renamed = await designer.caller.flows.rename({ flowId: created.id, name: 'New name' });
    expect(renamed).toMatchObject({ name: 'New name', revision: 2 });
    const flow = await designer.caller.flows.get({ flowId: created.id });
    expect([flow.name, flow.draft.name, flow.key]).toEqual(['New name', 'New name', 'old-name']);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'flow.rename'));
    expect(entry).toMatchObject({ entityId: created.id, before: { name: 'Old name' }, after: { name: 'New name' } });
  });

  it('archive hides a flow from the active list, restore brings it back, both audited', async () => {
    const created = await designer.caller.flows.create({ name: 'Seasonal promo' });
    const archived = await designer.caller.flows.archive({ flowId: created.id });
    expect(archived?.archivedAt).toBeInstanceOf(Date);
    const active = await designer.caller.flows.list({ search: 'seasonal' });
    expect(active.items).toEqual([]);
    const inArchive = await designer.caller.flows.list({ search: 'seasonal', status: 'archived' });
    expect(inArchive.items.map((item) => item.key)).toEqual(['seasonal-promo']);
    const error = await expectTrpcError(designer.caller.flows.rename({ flowId: created.id, name: 'Still promo' }));
    expect(error.message).toBe('The flow "Seasonal promo" is archived; restore it before changing it.');
    await designer.caller.flows.restore({ flowId: created.id });
    expect((await designer.caller.flows.list({ search: 'seasonal' })).items.map((item) => item.key)).toEqual([
      'seasonal-promo',
    ]);
    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, created.id));
    expect(actions.map((row) => row.action)).toEqual(['flow.create', 'flow.archive', 'flow.restore']);
  });

  it('archive is refused while a line is bound to the flow', async () => {
    const created = await designer.caller.flows.create({ name: 'Main line flow' });
    await database.db.insert(lines).values({ number: '4008001234', flowId: created.id });
    const error = await expectTrpcError(designer.caller.flows.archive({ flowId: created.id }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      'The flow "Main line flow" answers line 4008001234; bind the line to another flow before archiving.',
    );
    const [row] = await database.db
      .select({ archivedAt: flows.archivedAt })
      .from(flows)
      .where(eq(flows.id, created.id));
    expect(row!.archivedAt).toBeNull();
  });

  it('duplicate copies the draft under "(copy)" with its own key and revision 1', async () => {
    const source = await designer.caller.flows.create({ name: 'Billing', template: 'greeting' });
    const copy = await designer.caller.flows.duplicate({ flowId: source.id });
    expect(copy).toMatchObject({ name: 'Billing (copy)', key: 'billing-copy', revision: 1 });
    const [original, duplicated] = await Promise.all([
      designer.caller.flows.get({ flowId: source.id }),
      designer.caller.flows.get({ flowId: copy.id }),
    ]);
    expect(duplicated.draft).toEqual({ ...original.draft, id: 'billing-copy', name: 'Billing (copy)' });
  });

  it('export returns canonical JSON (sorted keys, trailing newline) named after the key', async () => {
    const created = await designer.caller.flows.create({ name: 'Exported', template: 'greeting' });
    const exported = await designer.caller.flows.export({ flowId: created.id });
    expect(exported.fileName).toBe('exported.json');
    expect(exported.json).toMatch(/\}\n$/);
    const topKeys = [...exported.json.matchAll(/^ {2}"(\w+)":/gm)].map((match) => match[1]);
    expect(topKeys).toEqual([...topKeys].sort());
    expect(JSON.parse(exported.json)).toEqual((await designer.caller.flows.get({ flowId: created.id })).draft);
  });
});
