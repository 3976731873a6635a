// Flows router, permissions: what each role may not do, and what a tester and a viewer still may.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs, callerFor } from '../helpers/callers';
import { expectTrpcError } from '../helpers/expect-trpc-error';
import { testBackends, type TestDatabase } from '../helpers/test-database';

describe.each(testBackends)('flow permissions on $name', (backend) => {
  let database: TestDatabase;
  let flowId: string;
  let designer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await backend.open();
    designer = await callerAs(database.db, 'designer');
    flowId = (await designer.caller.flows.create({ name: 'Guarded' })).id;
  });
  afterAll(() => database?.close());

  type Caller = ReturnType<typeof callerFor>;
  const designerOnly: Record<string, (caller: Caller) => Promise<unknown>> = {
    create: (caller) => caller.flows.create({ name: 'Nope' }),
    rename: (caller) => caller.flows.rename({ flowId, name: 'Nope' }),
    archive: (caller) => caller.flows.archive({ flowId }),
    restore: (caller) => caller.flows.restore({ flowId }),
    duplicate: (caller) => caller.flows.duplicate({ flowId }),
    import: (caller) => caller.flows.import({ json: '{}' }),
    saveDraft: async (caller) => {
      const flow = await caller.flows.get({ flowId });
      return caller.flows.saveDraft({ flowId, baseRevision: flow.revision, document: flow.draft });
    },
  };

  it.each(Object.entries(designerOnly))('a tester cannot %s (FORBIDDEN)', async (_procedure, call) => {
    const { caller } = await callerAs(database.db, 'tester');
    const error = await expectTrpcError(call(caller));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('This needs the designer role or higher; you are signed in as a tester.');
  });

  it.each(Object.entries(designerOnly))('a viewer cannot %s (FORBIDDEN)', async (_procedure, call) => {
    const { caller } = await callerAs(database.db, 'viewer');
    const error = await expectTrpcError(call(caller));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('This needs the designer role or higher; you are signed in as a viewer.');
  });

  it('a viewer cannot saveTests, but can list, get, export and see templates', async () => {
    const { caller } = await callerAs(database.db, 'viewer');
    const error = await expectTrpcError(caller.flows.saveTests({ flowId, baseRevision: 1, tests: [] }));
    expect(error.message).toBe('This needs the tester role or higher; you are signed in as a viewer.');
    expect((await caller.flows.list({})).items.map((item) => item.name)).toEqual(['Guarded']);
    expect((await caller.flows.get({ flowId })).name).toBe('Guarded');
    expect((await caller.flows.export({ flowId })).fileName).toBe('guarded.json');
    expect(await caller.flows.templates()).toBeInstanceOf(Array);
  });

  it('an admin can do what a designer can', async () => {
    const { caller } = await callerAs(database.db, 'admin');
    const renamed = await caller.flows.rename({ flowId, name: 'Guarded by admin' });
    expect(renamed.name).toBe('Guarded by admin');
  });

  it('a signed-out caller cannot even list flows (UNAUTHORIZED)', async () => {
    const error = await expectTrpcError(callerFor(database.db, null).flows.list({}));
    expect(error.code).toBe('UNAUTHORIZED');
  });
});
