// Flows router, import: size limit, malformed JSON with line/column, every validation error, key clashes.

import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidFlowError, MalformedJsonError } from '../../../app/_server/errors';
import { auditLog, flows } from '../../../schemas/db';
import { callerAs } from '../helpers/callers';
import { expectTrpcError } from '../helpers/expect-trpc-error';
import { testBackends, type TestDatabase } from '../helpers/test-database';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/app/${name}`, import.meta.url), 'utf8');
const greeting = fixture('templates/greeting.json');

describe.each(testBackends)('flow import on $name', (backend) => {
  let database: TestDatabase;
  let designer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await backend.open();
    designer = await callerAs(database.db, 'designer');
  });
  afterAll(() => database?.close());

  const flowCount = async () => (await database.db.select({ id: flows.id }).from(flows)).length;

  it('a valid file is imported under its own id, audited, and exports back to the same document', async () => {
    const imported = await designer.caller.flows.import({ json: greeting });
    expect(imported).toMatchObject({ key: 'greeting', name: 'Greeting', revision: 1 });
    const exported = await designer.caller.flows.export({ flowId: imported.id });
    expect(JSON.parse(exported.json)).toEqual(JSON.parse(greeting));
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, imported.id));
    expect(entry).toMatchObject({ action: 'flow.import', after: { key: 'greeting', name: 'Greeting' } });
  });

  it('importing an id that already exists is refused with CONFLICT naming the existing flow', async () => {
    const error = await expectTrpcError(designer.caller.flows.import({ json: greeting }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'A flow with the id "greeting" already exists ("Greeting"); change the id in the file, or open that flow and save over its draft.',
    );
  });

  it('malformed JSON is refused with BAD_REQUEST naming the line and column', async () => {
    const before = await flowCount();
    const error = await expectTrpcError(
      designer.caller.flows.import({ json: fixture('import/malformed-missing-value.json') }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('The file is not valid JSON: expected a value at line 5, column 1, but found "}".');
    expect(error.cause).toBeInstanceOf(MalformedJsonError);
    expect(error.cause).toMatchObject({ line: 5, column: 1 });
    expect(await flowCount()).toBe(before);
  });

  it('a trailing comma and text after the document are located too', async () => {
    const trailing = await expectTrpcError(designer.caller.flows.import({ json: '{\n  "a": [1, 2,]\n}' }));
    expect(trailing.message).toBe('The file is not valid JSON: expected a value at line 2, column 14, but found "]".');
    const extra = await expectTrpcError(designer.caller.flows.import({ json: '{}\n{}' }));
    expect(extra.message).toBe(
      'The file is not valid JSON: expected the end of the file at line 2, column 1, but found "{".',
    );
  });

  it('a file over 2 MB is refused with PAYLOAD_TOO_LARGE before it is parsed', async () => {
    const json = `{"name": "${'x'.repeat(2 * 1024 * 1024)}"`; // also malformed: size is checked first
    const error = await expectTrpcError(designer.caller.flows.import({ json }));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toBe('The file is 2.0 MB; flow files can be at most 2.0 MB.');
  });

  it('an invalid flow is refused with every validation error and nothing is written', async () => {
    const before = await flowCount();
    const error = await expectTrpcError(
      designer.caller.flows.import({ json: fixture('import/invalid-dangling-edge-and-missing-prompt.json') }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      'The flow has 2 problems; nothing was imported. Node "welcome" is missing "prompt". Edge "e2" leads to node "nowhere", which does not exist.',
    );
    expect(error.cause).toBeInstanceOf(InvalidFlowError);
    const issues = (error.cause as InvalidFlowError).issues;
    expect(issues.map((issue) => [issue.rule, issue.path, issue.nodeId ?? issue.edgeId])).toEqual([
      ['schema', '/nodes/1/config/prompt', 'welcome'],
      ['dangling-edge', '/edges/1/target', 'welcome'],
    ]);
    expect(await flowCount()).toBe(before);
  });

  it('a name given with the import replaces the name in the file', async () => {
    const renamed = greeting.replace('"id": "greeting"', '"id": "greeting-uk"');
    const imported = await designer.caller.flows.import({ json: renamed, name: 'Greeting (UK)' });
    expect(imported).toMatchObject({ key: 'greeting-uk', name: 'Greeting (UK)' });
    expect((await designer.caller.flows.get({ flowId: imported.id })).draft.name).toBe('Greeting (UK)');
  });
});
