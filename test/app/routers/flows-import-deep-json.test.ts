// Flows router, import of JSON nested 10,000 deep: BAD_REQUEST with line and column, nothing written.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MalformedJsonError } from '../../../app/_server/errors';
import { flows } from '../../../schemas/db';
import { callerAs } from '../helpers/callers';
import { expectTrpcError } from '../helpers/expect-trpc-error';
import { testBackends, type TestDatabase } from '../helpers/test-database';

describe.each(testBackends)('flow import of deeply nested JSON on $name', (backend) => {
  let database: TestDatabase;
  let designer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await backend.open();
    designer = await callerAs(database.db, 'designer');
  });
  afterAll(() => database?.close());

  it('a document nested 10,000 deep is refused with BAD_REQUEST at the bracket past the limit', async () => {
    const json = `{\n  "schemaVersion": 1,\n  "nodes": ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}`;
    const error = await expectTrpcError(designer.caller.flows.import({ json }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      'The file is nested too deeply: the data is nested more than 100 levels deep at line 3, column 111.',
    );
    expect(error.cause).toBeInstanceOf(MalformedJsonError);
    expect(await database.db.select({ id: flows.id }).from(flows)).toEqual([]);
  });

  it('a valid flow whose test expects a 10,000-deep value is refused the same way, before validation or storage', async () => {
    const greeting = JSON.parse(
      readFileSync(new URL('../../fixtures/app/templates/greeting.json', import.meta.url), 'utf8'),
    );
    const flow = { ...greeting, id: 'deep-greeting', variables: [{ name: 'blob', type: 'object' }] };
    flow.tests[0].expect.vars = { blob: '@deep@' };
    const json = JSON.stringify(flow).replace('"@deep@"', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    const error = await expectTrpcError(designer.caller.flows.import({ json }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(
      /^The file is nested too deeply: the data is nested more than 100 levels deep at line 1, column \d+\.$/,
    );
    expect(await database.db.select({ id: flows.id }).from(flows)).toEqual([]);
  });
});
