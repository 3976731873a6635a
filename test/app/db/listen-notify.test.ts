// LISTEN/NOTIFY through the database handle, the same on PGlite and PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyInTransaction } from '../../../schemas/database';
import { testBackends, type TestDatabase } from '../helpers/test-database';

/** Resolves when `received` holds `count` payloads, or after `ms` with what arrived. */
async function waitFor(received: string[], count: number, ms = 2000): Promise<string[]> {
  const deadline = Date.now() + ms;
  while (received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return received;
}

describe.each(testBackends)('listen/notify on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  it('a listener receives the payload of notify, and nothing after unlisten', async () => {
    const received: string[] = [];
    const unlisten = await database.handle.listen('callflow_test', (payload) => received.push(payload));
    await database.handle.notify('callflow_test', '{"flowId":"a","version":1}');
    expect(await waitFor(received, 1)).toEqual(['{"flowId":"a","version":1}']);
    await unlisten();
    await database.handle.notify('callflow_test', 'late');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual(['{"flowId":"a","version":1}']);
  });

  it('a notification sent in a transaction arrives on commit and never on rollback', async () => {
    const received: string[] = [];
    const unlisten = await database.handle.listen('callflow_tx', (payload) => received.push(payload));
    try {
      await database.db
        .transaction(async (tx) => {
          await notifyInTransaction(tx, 'callflow_tx', 'rolled back');
          tx.rollback();
        })
        .catch(() => undefined);
      await database.db.transaction((tx) => notifyInTransaction(tx, 'callflow_tx', 'committed'));
      expect(await waitFor(received, 1)).toEqual(['committed']);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toEqual(['committed']);
    } finally {
      await unlisten();
    }
  });
});
