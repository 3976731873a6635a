// `npm run runtime` as a real process: SIGTERM stops accepting calls, lets a call finish or hands it to the fallback
// after CALLFLOW_DRAIN_SECONDS, and the process exits 0.

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../schemas/database';
import { calls } from '../../schemas/db';
import { dial, type DialTrace } from '../../runtime/esl-simulator';
import { flow, node, tts } from '../flow-engine/support/build-flow';
import { postgresTestBackend, type TestDatabase } from '../app/helpers/test-database';
import { addLine, publish, TEST_SECRET_KEY } from './helpers/runtime-harness';

/** A database the spawned runtime can open too: PGlite in a directory (closed while the runtime runs), or a fresh PostgreSQL database. */
interface SharedDatabase {
  name: string;
  env: Record<string, string>;
  /** Opens it in this process; for PGlite only while the runtime is not running (one process at a time). */
  open(): Promise<DatabaseHandle>;
  release(handle: DatabaseHandle): Promise<void>;
  dispose(): Promise<void>;
}

async function pgliteDirectory(): Promise<SharedDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'callflow-runtime-process-'));
  return {
    name: 'pglite',
    env: { CALLFLOW_DATA_DIR: dataDir },
    open: () => createDatabase({ dataDir: path.join(dataDir, 'pglite') }),
    release: (handle) => handle.close(),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function postgresDatabase(): Promise<SharedDatabase> {
  const database: TestDatabase = await postgresTestBackend!.open();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'callflow-runtime-process-'));
  return {
    name: 'postgres',
    env: { DATABASE_URL: database.url!, CALLFLOW_DATA_DIR: dataDir },
    open: async () => database.handle,
    release: async () => undefined,
    async dispose() {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const backends: { name: string; make: () => Promise<SharedDatabase> }[] = [
  { name: 'pglite', make: pgliteDirectory },
  ...(postgresTestBackend ? [{ name: 'postgres', make: postgresDatabase }] : []),
];

interface RuntimeProcess {
  child: ChildProcess;
  output: string[];
  esl: { host: string; port: number };
  /** Resolves when a line containing `text` has been printed. */
  printed(text: string): Promise<void>;
  exited: Promise<number | null>;
}

/** Spawns the `npm run runtime` entry (runtime/main.ts through tsx) on ports 0 and waits for its listening line. */
async function spawnRuntime(env: Record<string, string>): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    cwd: process.cwd(),
    // Only what the test gives: a DATABASE_URL of the test run must not turn the PGlite case into a PostgreSQL one.
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      CALLFLOW_RUNTIME_LISTEN: '127.0.0.1:0',
      CALLFLOW_RUNTIME_HTTP: '127.0.0.1:0',
      CALLFLOW_SECRET_KEY: TEST_SECRET_KEY,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const waiters: { text: string; resolve: () => void }[] = [];
  const collect = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    for (const waiter of [...waiters]) {
      if (output.some((line) => line.includes(waiter.text))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (output.some((line) => line.includes(text))) return resolve();
      waiters.push({ text, resolve });
      void exited.then(() => reject(new Error(`the runtime exited before printing "${text}":\n${output.join('\n')}`)));
    });
  await printed('FreeSWITCH outbound socket on');
  const match = /FreeSWITCH outbound socket on ([0-9.]+):(\d+)/.exec(
    output.find((line) => line.includes('FreeSWITCH outbound socket on'))!,
  );
  const [, host, port] = match ?? [];
  if (!host || !port) throw new Error(`no outbound socket address in:\n${output.join('\n')}`);
  return { child, output, esl: { host, port: Number(port) }, printed, exited };
}

describe.each(backends)('npm run runtime on $name: SIGTERM drains', ({ make }) => {
  let shared: SharedDatabase | undefined;
  let running: RuntimeProcess | undefined;

  afterEach(async () => {
    // Only the process this test spawned, by its pid, and only if a failed test left it running.
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    running = undefined;
    await shared?.dispose();
    shared = undefined;
  });

  /** Publishes a two-prompt flow on `number` and closes the test's handle if the runtime needs the database alone. */
  async function seed(number: string): Promise<void> {
    shared = await make();
    const handle = await shared.open();
    const f = flow(
      [
        node('hello', 'play', { prompt: tts('Thank you for calling') }),
        node('bye', 'hangup', { prompt: tts('Goodbye') }),
      ],
      ['start:next->hello', 'hello:next->bye'],
      { id: `drain-${number}` },
    );
    await addLine(handle, number, (await publish(handle, f)).flowId);
    await shared.release(handle);
  }

  async function callRow(channelUuid: string) {
    const handle = await shared!.open();
    try {
      const [row] = await handle.db.select().from(calls).where(eq(calls.channelUuid, channelUuid));
      return row;
    } finally {
      await shared!.release(handle);
    }
  }

  /** Dials a call that sends SIGTERM to the runtime when its first prompt starts; then a second call must be refused. */
  async function callThenSigterm(
    runtime: RuntimeProcess,
    number: string,
    mediaMs: number,
  ): Promise<{ first: DialTrace; second: DialTrace }> {
    let signalled: Promise<void> | undefined;
    const first = dial(runtime.esl, {
      destination: number,
      mediaMs,
      duringPrompt: () => {
        signalled ??= (async () => {
          runtime.child.kill('SIGTERM');
          await runtime.printed('SIGTERM: draining calls');
        })();
        return undefined;
      },
    });
    // The second call is placed only once the runtime has said it is draining (the first call is still up or done).
    const second = (async () => {
      while (!signalled) await new Promise((resolve) => setTimeout(resolve, 10));
      await signalled;
      return dial(runtime.esl, { destination: number });
    })();
    return { first: await first, second: await second };
  }

  test('a call in progress finishes on the flow after SIGTERM, a new call is refused, and the process exits 0', async () => {
    await seed('4008003001');
    running = await spawnRuntime({ ...shared!.env, CALLFLOW_DRAIN_SECONDS: '600' });
    const { first, second } = await callThenSigterm(running, '4008003001', 1500);
    expect(second.apps).toEqual([]);
    expect(second.hangupCause).toBeNull();
    expect(first.lines).toEqual(expect.arrayContaining(['spoke: Thank you for calling', 'spoke: Goodbye']));
    expect(first.transferredTo).toBeNull();
    expect(first.variables.callflow_end).toBe('hangup@bye');
    expect(await running.exited).toBe(0);
    expect(running.output).not.toContainEqual(expect.stringContaining('drain limit'));
    expect(running.output).toContainEqual(expect.stringContaining('runtime: stopped'));
    expect(await callRow(first.uuid)).toMatchObject({ endReason: 'hangup', endNode: 'bye' });
  }, 120_000);

  test('a call still running at CALLFLOW_DRAIN_SECONDS is transferred to the fallback extension, and the process exits 0', async () => {
    await seed('4008003002');
    running = await spawnRuntime({
      ...shared!.env,
      CALLFLOW_DRAIN_SECONDS: '1',
      CALLFLOW_FALLBACK_EXTENSION: '1000',
      CALLFLOW_FALLBACK_CONTEXT: 'default',
    });
    // The prompt plays for ten minutes: only the drain limit ends this call.
    const { first, second } = await callThenSigterm(running, '4008003002', 600_000);
    expect(second.apps).toEqual([]);
    expect(first.transferredTo).toBe('1000@default');
    expect(first.afterTransfer).toEqual([]);
    expect(first.resetAfterTransfer).toBe(false);
    expect(await running.exited).toBe(0);
    expect(running.output).toContainEqual(expect.stringContaining('drain limit of 1 s reached with 1 calls'));
    expect(await callRow(first.uuid)).toMatchObject({ endReason: 'transferred' });
  }, 120_000);
});

describe('npm run runtime: a port already in use', () => {
  let holder: net.Server | undefined;
  let dataDir: string | undefined;

  afterEach(async () => {
    await new Promise<void>((resolve) => (holder ? holder.close(() => resolve()) : resolve()));
    holder = undefined;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  test.each(['CALLFLOW_RUNTIME_LISTEN', 'CALLFLOW_RUNTIME_HTTP'])(
    '%s taken by another program: one line on stderr naming the setting, exit code 1',
    async (setting) => {
      holder = net.createServer();
      await new Promise<void>((resolve) => holder!.listen(0, '127.0.0.1', resolve));
      const taken = `127.0.0.1:${(holder.address() as net.AddressInfo).port}`;
      dataDir = await mkdtemp(path.join(tmpdir(), 'callflow-runtime-port-'));
      const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
        cwd: process.cwd(),
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          CALLFLOW_DATA_DIR: dataDir,
          CALLFLOW_SECRET_KEY: TEST_SECRET_KEY,
          CALLFLOW_RUNTIME_LISTEN: '127.0.0.1:0',
          CALLFLOW_RUNTIME_HTTP: '127.0.0.1:0',
          [setting]: taken,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
      expect(code).toBe(1);
      expect(stderr.trimEnd().split('\n')).toEqual([
        `runtime: port ${taken.split(':')[1]} on 127.0.0.1 (${setting}) is already in use by another program; stop it, or set ${setting} to a free host:port.`,
      ]);
    },
    120_000,
  );
});
