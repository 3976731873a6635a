// Events reach PostgreSQL exactly once: batches replay idempotently, a spool left by a stopped runtime is replayed, and calls during an outage are spooled then written.

import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../../schemas/database';
import { callEvents, calls } from '../../../schemas/db';
import { applyOps, type EventOp } from '../../../runtime/events/event-ops';
import { EventWriter } from '../../../runtime/events/event-writer';
import { REAPED_DETAIL, reapStaleCalls } from '../../../runtime/calls/call-reaper';
import { flow, node, tts } from '../../flow-engine/support/build-flow';
import { startTcpProxy, throughProxy, type TcpProxy } from '../../app/helpers/tcp-proxy';
import { postgresTestBackend, testBackends, type TestDatabase } from '../../app/helpers/test-database';
import { addLine, eventually, publish, startTestRuntime, type TestRuntime } from '../helpers/runtime-harness';

function callOps(events: number): EventOp[] {
  const id = randomUUID();
  const at = new Date().toISOString();
  return [
    {
      op: 'callStarted',
      id,
      channelUuid: randomUUID(),
      number: '4008001234',
      flowId: null,
      flowVersion: null,
      caller: '1001',
      language: null,
      startedAt: at,
    },
    ...Array.from({ length: events }, (_, i): EventOp => ({
      op: 'event',
      callId: id,
      seq: i + 1,
      at,
      type: 'node.entered',
      nodeId: `n${i}`,
      port: null,
      data: { type: 'play' },
    })),
    { op: 'callEnded', id, endedAt: at, endNode: 'n0', endReason: 'hangup', endDetail: null },
  ];
}

describe.each(testBackends)('event writer on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  test('a batch applied twice (a replay after a crash between commit and cleanup) writes each call and event once', async () => {
    const ops = callOps(5);
    await database.db.transaction((tx) => applyOps(tx, ops));
    await database.db.transaction((tx) => applyOps(tx, ops));
    const id = (ops[0] as { id: string }).id;
    const [counted] = await database.db.select({ n: count() }).from(callEvents).where(eq(callEvents.callId, id));
    expect(counted?.n).toBe(5);
    expect((await database.db.select().from(calls).where(eq(calls.id, id)))[0]).toMatchObject({ endReason: 'hangup' });
  });

  test('the reaper closes calls a dead runtime left open past the maximum duration, and only those', async () => {
    const stale = callOps(0)[0] as Extract<EventOp, { op: 'callStarted' }>;
    const fresh = callOps(0)[0] as Extract<EventOp, { op: 'callStarted' }>;
    await database.db.transaction((tx) =>
      applyOps(tx, [{ ...stale, startedAt: new Date(Date.now() - 3 * 3600_000).toISOString() }, fresh]),
    );
    expect(await reapStaleCalls(database.db, 3600)).toBeGreaterThanOrEqual(1);
    const [closed] = await database.db.select().from(calls).where(eq(calls.id, stale.id));
    expect(closed).toMatchObject({ endReason: 'error', endDetail: REAPED_DETAIL });
    const [open] = await database.db.select().from(calls).where(eq(calls.id, fresh.id));
    expect(open).toMatchObject({ endedAt: null });
  });

  test('a spool left by an earlier process is replayed in order at start, then removed', async () => {
    const spoolDir = await mkdtemp(path.join(tmpdir(), 'callflow-spool-'));
    const ops = [...callOps(3), ...callOps(1200)];
    await writeFile(
      path.join(spoolDir, 'events.spool'),
      ops.map((op) => `${JSON.stringify(op)}\n`).join('') + '{"op":"event","callId":"cut sho',
    );
    const writer = new EventWriter({ db: database.db, spoolDir, log: () => undefined, retryMs: 20 });
    await writer.start();
    await eventually(async () => !writer.isSpooling, 'the spool replayed');
    await writer.stop();
    const second = (ops[5] as { id: string }).id;
    const rows = await database.db
      .select({ seq: callEvents.seq })
      .from(callEvents)
      .where(eq(callEvents.callId, second))
      .orderBy(asc(callEvents.seq));
    expect(rows).toHaveLength(1200);
    expect(await readdir(spoolDir)).toEqual([]);
    await rm(spoolDir, { recursive: true, force: true });
  });
});

describe.skipIf(!postgresTestBackend)('calls while PostgreSQL is unreachable (a TCP proxy the test cuts)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let proxied: DatabaseHandle;
  let harness: TestRuntime;

  beforeAll(async () => {
    if (!postgresTestBackend) throw new Error('DATABASE_URL is needed for the outage tests.');
    database = await postgresTestBackend.open();
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(database.url ?? '').port || 5432) });
    proxied = await createDatabase({
      url: throughProxy(database.url ?? '', proxy),
      migrate: false,
      maxConnections: 2,
      connectTimeoutSeconds: 2,
    });
    harness = await startTestRuntime(proxied);
    const f = flow(
      [
        node('menu', 'menu', { prompt: tts('Press 1'), options: [{ key: '1' }], maxAttempts: 1 }),
        node('bye', 'hangup', { prompt: tts('Bye') }),
      ],
      ['start:next->menu', 'menu:1->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
      { id: 'outage' },
    );
    await addLine(database.handle, '4008004001', (await publish(database.handle, f)).flowId);
  });

  afterAll(async () => {
    await harness?.stop();
    await proxied?.close();
    await proxy?.close();
    await database?.close();
  });

  test('events of calls made during the outage are spooled, then written exactly once when PostgreSQL returns', async () => {
    // A call before the outage loads the line and its version into the runtime's cache.
    const before = await harness.dial({ destination: '4008004001', inputs: ['1'] });
    await eventually(
      async () => (await database.db.select().from(calls).where(eq(calls.channelUuid, before.uuid)))[0]?.endReason,
      'the first call stored',
    );

    await proxy.cut();
    const during = [];
    for (let i = 0; i < 3; i++) during.push(await harness.dial({ destination: '4008004001', inputs: ['1'] }));
    for (const trace of during) expect(trace.lines, harness.logs.join('\n')).toContain('spoke: Bye');
    await eventually(
      async () => harness.runtime.metrics.spoolSize.get().then((m) => (m.values[0]?.value ?? 0) > 0),
      'events in the spool',
    );
    expect(await database.db.select().from(calls).where(eq(calls.channelUuid, during[0]!.uuid))).toEqual([]);

    await proxy.restore();
    for (const trace of during) {
      // postgres.js takes a few seconds to reconnect after the outage; the spool is replayed then.
      const call = await eventually(
        async () =>
          (await database.db.select().from(calls).where(eq(calls.channelUuid, trace.uuid)))[0]?.endReason &&
          (await database.db.select().from(calls).where(eq(calls.channelUuid, trace.uuid)))[0],
        `call ${trace.uuid} written`,
        60_000,
      );
      expect(call).toMatchObject({ endReason: 'hangup', endNode: 'bye' });
      const events = await database.db
        .select({ seq: callEvents.seq })
        .from(callEvents)
        .where(eq(callEvents.callId, call.id))
        .orderBy(asc(callEvents.seq));
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.length).toBeGreaterThan(4);
    }
    await eventually(
      async () => harness.runtime.metrics.spoolSize.get().then((m) => (m.values[0]?.value ?? 1) === 0),
      'the spool emptied',
    );
  }, 120_000);
});
