// Issue 14 point 3(f): the runtime compiles and binds every line's version before it says it is ready; the health
// check answers 503 "warming" until then, so a balancer sends no calls to a runtime whose first calls would wait.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHealthServer } from '../../runtime/health-server';
import { RuntimeMetrics } from '../../runtime/metrics';
import { testBackends, type TestDatabase } from '../app/helpers/test-database';
import { flow, node, tts } from '../flow-engine/support/build-flow';
import { addLine, publish, startTestRuntime, type TestRuntime } from './helpers/runtime-harness';

test('GET /healthz answers 503 "warming" while the runtime warms up, 200 once it is ready', async () => {
  let warming = true;
  const health = await startHealthServer({ host: '127.0.0.1', port: 0 }, new RuntimeMetrics(), () => ({
    warming,
    draining: false,
    activeCalls: 0,
    spooling: false,
    spoolSize: 0,
  }));
  try {
    const url = `http://${health.address.host}:${health.address.port}/healthz`;
    const before = await fetch(url);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: 'warming' });
    warming = false;
    const after = await fetch(url);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: 'ok' });
  } finally {
    await health.close();
  }
});

describe.each(testBackends)('runtime on $name: warm before ready', (backend) => {
  let database: TestDatabase;
  let harness: TestRuntime;

  beforeAll(async () => {
    database = await backend.open();
    const hello = (id: string) =>
      flow(
        [node('hello', 'play', { prompt: tts('Hello') }), node('bye', 'hangup')],
        ['start:next->hello', 'hello:next->bye'],
        { id },
      );
    // Two lines on one version, one on another, one disabled, one whose flow was never published.
    const first = await publish(database.handle, hello('warm-a'));
    await addLine(database.handle, '4008007001', first.flowId);
    await addLine(database.handle, '4008007002', first.flowId);
    await addLine(database.handle, '4008007003', (await publish(database.handle, hello('warm-b'))).flowId);
    await addLine(database.handle, '4008007004', (await publish(database.handle, hello('warm-c'))).flowId, {
      enabled: false,
    });
    harness = await startTestRuntime(database.handle, {});
  });

  afterAll(async () => {
    await harness?.stop();
    await database?.close();
  });

  test("every enabled line's version is compiled before the runtime is ready, and health then answers ok", async () => {
    await harness.runtime.ready;
    expect(harness.logs).toContain('runtime: ready, 2 flow versions compiled');
    const { host, port } = harness.runtime.httpAddress;
    const health = await fetch(`http://${host}:${port}/healthz`);
    expect(health.status).toBe(200);
    const trace = await harness.dial({ destination: '4008007003' });
    expect(trace.heard.filter((event) => event.kind === 'play').map((event) => event.text)).toEqual(['Hello']);
  }, 60_000);
});
