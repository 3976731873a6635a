// `callflow dial`: the real CLI places a call into a running runtime over TCP and prints what happened.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { flow, node, tts } from '../flow-engine/support/build-flow';
import { testBackends, type TestDatabase } from '../app/helpers/test-database';
import { closedPort } from '../app/helpers/tcp-proxy';
import { addLine, publish, startTestRuntime, type TestRuntime } from '../runtime/helpers/runtime-harness';
import { runCli } from './run-cli';

describe('callflow dial', () => {
  let database: TestDatabase;
  let harness: TestRuntime;

  beforeAll(async () => {
    database = await testBackends[0]!.open(); // PGlite is always the first backend
    harness = await startTestRuntime(database.handle);
    const f = flow(
      [
        node('menu', 'menu', { prompt: tts('Press 1 for sales'), options: [{ key: '1' }], maxAttempts: 1 }),
        node('bye', 'hangup', { prompt: tts('Thanks for calling') }),
      ],
      ['start:next->menu', 'menu:1->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
      { id: 'dial-smoke' },
    );
    await addLine(database.handle, '4008003001', (await publish(database.handle, f)).flowId);
  });

  afterAll(async () => {
    await harness?.stop();
    await database?.close();
  });

  test('prints what the caller heard and keyed, the path and the end of a call through the runtime', async () => {
    const { host, port } = harness.runtime.eslAddress;
    const run = await runCli(['dial', '4008003001', '--runtime', `${host}:${port}`, '--input', '1']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('prompt: say:Press 1 for sales');
    expect(run.stdout).toContain('caller keyed: 1');
    expect(run.stdout).toContain('spoke: Thanks for calling');
    expect(run.stdout).toContain('Path: start → menu → bye');
    expect(run.stdout).toContain('End: bye (hangup), FreeSWITCH cause NORMAL_CLEARING');
  });

  test('a runtime that is not there is a clear failure (exit 1); a malformed address is a usage error (exit 2)', async () => {
    const missing = await runCli(['dial', '4008003001', '--runtime', `127.0.0.1:${await closedPort()}`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no runtime answered at 127.0.0.1:');
    const bad = await runCli(['dial', '4008003001', '--runtime', 'localhost']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--runtime "localhost" is not HOST:PORT');
  });
});
