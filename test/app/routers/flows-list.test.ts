// Flows router, the list: newest first, search by name or key, keyset pages that neither skip nor repeat.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flows } from '../../../schemas/db';
import { blankFlow } from '../../../app/_server/flows/blank-flow';
import { callerAs } from '../helpers/callers';
import { expectTrpcError } from '../helpers/expect-trpc-error';
import { testBackends, type TestDatabase } from '../helpers/test-database';

describe.each(testBackends)('flow list on $name', (backend) => {
  let database: TestDatabase;
  let viewer: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await backend.open();
    viewer = await callerAs(database.db, 'viewer');
    // 25 flows; five share one timestamp so that pages must break ties by id.
    const base = Date.UTC(2026, 10, 20, 9, 0, 0);
    await database.db.insert(flows).values(
      Array.from({ length: 25 }, (_, i) => {
        const key = `flow-${String(i).padStart(2, '0')}`;
        return {
          key,
          name: i % 5 === 0 ? `Billing ${i}` : `Support ${i}`,
          draft: blankFlow(key, key),
          updatedAt: new Date(i < 5 ? base : base + i * 1000),
        };
      }),
    );
  });
  afterAll(() => database?.close());

  it('pages of 10 walk all 25 flows newest first, each exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await viewer.caller.flows.list({ limit: 10, cursor });
      seen.push(...page.items.map((item) => item.key));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen.slice(0, 3)).toEqual(['flow-24', 'flow-23', 'flow-22']);
    expect(seen.slice(20).sort()).toEqual(['flow-00', 'flow-01', 'flow-02', 'flow-03', 'flow-04']);
  });

  it('search matches name or key, case-insensitively, and treats % literally', async () => {
    const byName = await viewer.caller.flows.list({ search: 'BILLING' });
    expect(byName.items.map((item) => item.name).sort()).toEqual([
      'Billing 0',
      'Billing 10',
      'Billing 15',
      'Billing 20',
      'Billing 5',
    ]);
    const byKey = await viewer.caller.flows.list({ search: 'flow-1' });
    expect(byKey.items).toHaveLength(10);
    expect((await viewer.caller.flows.list({ search: '%' })).items).toEqual([]);
  });

  it('items carry what the list shows and not the document', async () => {
    const { items } = await viewer.caller.flows.list({ limit: 1 });
    expect(Object.keys(items[0]!).sort()).toEqual([
      'archivedAt',
      'id',
      'key',
      'latestVersion',
      'name',
      'revision',
      'updatedAt',
      'updatedByName',
    ]);
    expect(items[0]).toMatchObject({ key: 'flow-24', latestVersion: null, revision: 1 });
  });

  it('a forged cursor is refused with BAD_REQUEST', async () => {
    const error = await expectTrpcError(viewer.caller.flows.list({ cursor: 'not-a-cursor' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('The page cursor is not valid; load the list again from the first page.');
  });

  it('a cursor with a day that does not exist or an impossible zone offset is refused with BAD_REQUEST, not a database error', async () => {
    const encode = (updatedAt: string) =>
      Buffer.from(JSON.stringify([updatedAt, '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    for (const updatedAt of [
      '2026-02-31 10:00:00+00',
      '2026-02-29 10:00:00+00',
      '2026-04-31 10:00:00.5+08',
      '2026-01-01 10:00:00+99',
      '2026-01-01 10:00:00-16:00',
    ]) {
      const error = await expectTrpcError(viewer.caller.flows.list({ cursor: encode(updatedAt) }));
      expect(error.code, updatedAt).toBe('BAD_REQUEST');
      expect(error.message, updatedAt).toBe('The page cursor is not valid; load the list again from the first page.');
    }
    // The edges PostgreSQL prints are still accepted: a leap day and an offset of 15:59.
    for (const updatedAt of ['2024-02-29 10:00:00+00', '2026-01-01 10:00:00-15:59'])
      expect((await viewer.caller.flows.list({ cursor: encode(updatedAt) })).items).toBeInstanceOf(Array);
  });

  it('counts reports active and archived flows', async () => {
    expect(await viewer.caller.flows.counts()).toEqual({ active: 25, archived: 0 });
  });
});
