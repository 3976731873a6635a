// A PostgreSQL connection lost mid-transaction: a catchable outage error, nothing committed, no process crash, and the pool recovers.
// Guards our patch of postgres.js 3.4.9 (patches/postgres+3.4.9.patch; porsager/postgres#1208, #1155).

import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, selectRows, type DatabaseHandle } from '../../../schemas/database';
import { asDatabaseUnavailable } from '../../../app/_server/db/database-unavailable';
import { users } from '../../../schemas/db';
import { postgresTestBackend, type TestDatabase } from '../helpers/test-database';

/** Polls `check` every 20 ms until it returns a value, failing after `timeoutMs` so a test cannot hang. */
async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Settles to the rejection reason, or fails the test if `promise` resolves. Attach at once so the rejection is never unhandled. */
function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('Expected the transaction to fail, but it committed.');
    },
    (error: unknown) => error,
  );
}

function newUser(name: string) {
  const id = randomUUID();
  return { id, name, email: `${id}@example.test`, role: 'designer' as const };
}

// PGlite runs inside the test process and has no connection to lose; this needs a real server (CI sets DATABASE_URL).
describe.skipIf(!postgresTestBackend)('a PostgreSQL connection lost in the middle of a transaction', () => {
  let database: TestDatabase;
  // A pool of its own per test, of one connection: the query after the drop must reuse the very connection that
  // was lost, not a spare one, and a pool a failing test broke cannot fail the next test.
  let handle: DatabaseHandle;
  const uncaught: unknown[] = [];
  const recordUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    if (!postgresTestBackend) throw new Error('DATABASE_URL is needed for the connection-drop tests.');
    database = await postgresTestBackend.open();
  });
  afterAll(() => database?.close());

  beforeEach(async () => {
    handle = await createDatabase({ url: database.url, migrate: false, maxConnections: 1, connectTimeoutSeconds: 5 });
    // postgres.js 3.4.9 threw its TypeError from a setImmediate callback: only this listener can see it.
    uncaught.length = 0;
    process.on('uncaughtException', recordUncaught);
  });
  afterEach(async () => {
    process.off('uncaughtException', recordUncaught);
    await handle.close();
  });

  /** Ends the backend `pid` from another connection (the fixture's own pool), as an administrator or a failover would. */
  async function terminateBackend(pid: number): Promise<void> {
    const [row] = await selectRows<{ terminated: boolean }>(
      database.db,
      sql`select pg_terminate_backend(${pid}) as terminated`,
    );
    expect(row?.terminated).toBe(true);
  }

  async function storedUser(id: string) {
    return database.db.select({ id: users.id }).from(users).where(eq(users.id, id));
  }

  it('a statement in flight is rejected as an outage, nothing is committed, the process survives, and the same handle serves the next query', async () => {
    const user = newUser('Dropped In Flight');
    let pid: number | undefined;
    const failure = rejectionOf(
      handle.db.transaction(async (tx) => {
        await tx.insert(users).values(user);
        pid = (await selectRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`))[0]?.pid;
        // Still running when its backend is terminated.
        await tx.execute(sql`select pg_sleep(10)`);
      }),
    );
    const killed = await waitFor('the transaction to report its backend', () => pid);
    await terminateBackend(killed);

    const error = await failure;
    expect(asDatabaseUnavailable(error)?.code).toBe('CONNECTION_CLOSED');
    // The crash came from the ROLLBACK postgres.js sends after the failure, flushed on a later turn: let that turn pass.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(uncaught).toEqual([]);
    expect(await storedUser(user.id)).toEqual([]);

    const [next] = await selectRows<{ pid: number; answer: number }>(
      handle.db,
      sql`select pg_backend_pid() as pid, 6 * 7 as answer`,
    );
    expect(next?.answer).toBe(42);
    expect(next?.pid).not.toBe(killed);
  });

  it('a transaction whose connection was lost while it waited does not run its later statements on the reconnected connection', async () => {
    const user = newUser('Written After The Drop');
    let pid: number | undefined;
    let resume: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const failure = rejectionOf(
      handle.db.transaction(async (tx) => {
        pid = (await selectRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`))[0]?.pid;
        // Idle inside the transaction (e.g. awaiting an HTTP call) when the backend is terminated.
        await paused;
        await tx.insert(users).values(user);
      }),
    );
    const killed = await waitFor('the transaction to report its backend', () => pid);
    await terminateBackend(killed);
    expect(asDatabaseUnavailable(await failure)?.code).toBe('CONNECTION_CLOSED');

    // Another request reconnects the pool's only connection before the transaction's callback carries on.
    const [other] = await selectRows<{ pid: number }>(handle.db, sql`select pg_backend_pid() as pid`);
    expect(other).toBeDefined();
    expect(other?.pid).not.toBe(killed);
    resume();
    // Let the callback's insert reach the driver; on 3.4.9 it ran, outside any transaction, on that new connection.
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(await storedUser(user.id)).toEqual([]);
    expect(uncaught).toEqual([]);
  });
});
