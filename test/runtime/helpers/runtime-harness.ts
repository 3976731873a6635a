// A runtime on a test database, flows published straight into its tables, and calls placed with the ESL simulator.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import type { Database, DatabaseHandle } from '../../../schemas/database';
import { agents, agentSkills, calls, flows, flowVersions, integrations, lines, skillGroups } from '../../../schemas/db';
import { announce } from '../../../schemas/notify-channels';
import { encryptSecret, integrationSecretContext, parseSecretKey } from '../../../schemas/secrets';
import { loadRuntimeConfig, type RuntimeConfig } from '../../../runtime/config';
import { dial, type CallerScript, type DialTrace } from '../../../runtime/esl-simulator';
import { startRuntime, type RunningRuntime } from '../../../runtime/start-runtime';
import type { TestBackend, TestDatabase } from '../../app/helpers/test-database';

export interface TestRuntime {
  runtime: RunningRuntime;
  config: RuntimeConfig;
  logs: string[];
  dial(script: CallerScript): Promise<DialTrace>;
  stop(): Promise<void>;
}

/** Starts a runtime on ports 0 with its data (spool) in a fresh temporary directory. */
export async function startTestRuntime(
  database: DatabaseHandle,
  env: Record<string, string> = {},
  options: { queuePollMs?: number; dataDir?: string } = {},
): Promise<TestRuntime> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'callflow-runtime-')));
  const config = loadRuntimeConfig({
    CALLFLOW_RUNTIME_LISTEN: '127.0.0.1:0',
    CALLFLOW_RUNTIME_HTTP: '127.0.0.1:0',
    CALLFLOW_DATA_DIR: dataDir,
    CALLFLOW_SECRET_KEY: TEST_SECRET_KEY,
    ...env,
  });
  const logs: string[] = [];
  const runtime = await startRuntime({
    database,
    config,
    log: (line) => logs.push(line),
    queuePollMs: options.queuePollMs ?? 20,
  });
  return {
    runtime,
    config,
    logs,
    dial: (script) => dial(runtime.eslAddress, script),
    async stop() {
      await runtime.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Inserts the flow (once per key) and its next version, then announces it as the studio's publish does. */
export async function publish(
  handle: DatabaseHandle,
  document: FlowDocument,
): Promise<{ flowId: string; version: number }> {
  const db = handle.db;
  let [flow] = await db.select({ id: flows.id }).from(flows).where(eq(flows.key, document.id));
  if (!flow)
    [flow] = await db
      .insert(flows)
      .values({ key: document.id, name: document.name, draft: document })
      .returning({ id: flows.id });
  if (!flow) throw new Error(`the flow ${document.id} was not inserted`);
  const existing = await db
    .select({ number: flowVersions.number })
    .from(flowVersions)
    .where(eq(flowVersions.flowId, flow.id));
  const version = existing.reduce((max, row) => Math.max(max, row.number), 0) + 1;
  await db.insert(flowVersions).values({ flowId: flow.id, number: version, document, checksum: `test-${version}` });
  await handle.db.transaction((tx) => announce(tx, 'publish', { flowId: flow.id, version }));
  return { flowId: flow.id, version };
}

/** Adds a line and announces it as the studio's lines router does (NOTIFY callflow_lines). */
export async function addLine(
  handle: DatabaseHandle,
  number: string,
  flowId: string,
  options: { enabled?: boolean; version?: number } = {},
): Promise<void> {
  await handle.db.transaction(async (tx) => {
    const [line] = await tx
      .insert(lines)
      .values({ number, flowId, enabled: options.enabled ?? true, version: options.version ?? null })
      .returning({ id: lines.id });
    await announce(tx, 'lines', { lineId: line!.id, number, action: 'line.create' });
  });
}

/** A skill group with `available` agents reachable at loopback contacts. */
export async function addSkillGroup(
  db: Database,
  key: string,
  agentCount: number,
  status: 'available' | 'offline' | 'busy' = 'available',
): Promise<void> {
  const [group] = await db.insert(skillGroups).values({ key, name: key }).returning({ id: skillGroups.id });
  if (!group) throw new Error(`the skill group ${key} was not inserted`);
  for (let i = 0; i < agentCount; i++) {
    const [agent] = await db
      .insert(agents)
      .values({
        name: `${key} agent ${i}`,
        contact: `loopback/${key}-agent-${i}/default`,
        status,
        statusChangedAt: new Date(Date.now() - (agentCount - i) * 1000),
      })
      .returning({ id: agents.id });
    if (!agent) throw new Error(`agent ${i} of the skill group ${key} was not inserted`);
    await db.insert(agentSkills).values({ agentId: agent.id, skillGroupId: group.id });
  }
}

/** The secret key test runtimes decrypt integration secrets with. */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

export async function addIntegration(
  db: Database,
  key: string,
  baseUrl: string,
  allowInternal: boolean,
  secret?: { header: string; value: string },
): Promise<void> {
  const encrypted = secret
    ? {
        secretHeaderName: secret.header,
        secretCiphertext: encryptSecret(secret.value, parseSecretKey(TEST_SECRET_KEY), {
          context: integrationSecretContext(key),
        }),
      }
    : {};
  await db.insert(integrations).values({ key, name: key, baseUrl, allowInternal, ...encrypted });
}

/** Polls until `check` returns a value (events are written in batches, asynchronously). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The call row of `channelUuid` once the runtime has ended it (its end reason is written after the last events). */
export function endedCall(db: Database, channelUuid: string) {
  return eventually(async () => {
    const [row] = await db.select().from(calls).where(eq(calls.channelUuid, channelUuid));
    return row?.endReason ? row : undefined;
  }, `the end of call ${channelUuid}`);
}

/**
 * A fresh database on `backend` and a runtime on it for the enclosing describe block: opened before its tests, stopped
 * and closed after them. Read `database` and `harness` inside tests and hooks, not at collection time.
 */
export function useTestRuntime(
  backend: TestBackend,
  env: Record<string, string> = {},
): { readonly database: TestDatabase; readonly harness: TestRuntime } {
  let database: TestDatabase | undefined;
  let harness: TestRuntime | undefined;
  beforeAll(async () => {
    database = await backend.open();
    harness = await startTestRuntime(database.handle, env);
  });
  afterAll(async () => {
    await harness?.stop();
    await database?.close();
  });
  return {
    get database() {
      if (!database) throw new Error('the test database is opened in beforeAll; read it inside a test or hook');
      return database;
    },
    get harness() {
      if (!harness) throw new Error('the test runtime starts in beforeAll; read it inside a test or hook');
      return harness;
    },
  };
}
