// `npm run bench:api`: seeds 10,000 flows / 100,000 versions, then times list, publish (1,000 nodes) and diff (1,000 nodes).
// Runs on in-memory PGlite, or on a fresh database of the PostgreSQL server in DATABASE_URL.

import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createCaller } from '../app/_server/routers/root';
import { diffFlows } from '../flow-engine/diff';
import type { FlowDocument } from '../flow-engine/document';
import { flows, flowVersions, users } from '../schemas/db';
import { openBenchDatabase } from './bench-database';
import { generateEngineFlow } from './generate-flow';
import { seedFlowsAndVersions } from './seed-api-data';

const FLOWS = 10_000;
const VERSIONS_PER_FLOW = 10;
const RUNS = 20;
const WARM_UP = 3;

interface Figure {
  name: string;
  budgetMs: number;
  samples: number[];
}

/** Nearest-rank percentile of sorted samples. */
const percentile = (sorted: number[], p: number) => {
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  if (value === undefined) throw new Error('percentile of no samples');
  return value;
};

async function measure(name: string, budgetMs: number, run: (i: number) => unknown): Promise<Figure> {
  for (let i = 0; i < WARM_UP; i++) await run(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return { name, budgetMs, samples: samples.sort((a, b) => a - b) };
}

/** Version 2 of the diff pair: 50 prompts reworded, 100 nodes moved, 10 nodes and their edges removed, 5 added. */
function editedCopy(flow: FlowDocument): FlowDocument {
  const next = structuredClone(flow);
  const plays = next.nodes.filter((n) => n.type === 'play');
  for (const node of plays.slice(0, 50)) node.config.prompt = { tts: { 'zh-CN': '新的提示', 'en-US': 'New prompt' } };
  for (const node of next.nodes.slice(100, 200)) node.position = { x: node.position.x + 40, y: node.position.y };
  const removed = new Set(next.nodes.slice(500, 510).map((n) => n.id));
  next.nodes = next.nodes.filter((n) => !removed.has(n.id));
  next.edges = next.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target));
  for (let i = 0; i < 5; i++)
    next.nodes.push({ id: `added${i}`, type: 'hangup', position: { x: i * 200, y: -200 }, config: {} });
  return next;
}

async function main(): Promise<void> {
  const database = await openBenchDatabase(process.env.DATABASE_URL || undefined);
  const { db } = database.handle;
  try {
    console.log(`Database: ${database.label}`);
    const started = performance.now();
    await seedFlowsAndVersions(db, { flows: FLOWS, versionsPerFlow: VERSIONS_PER_FLOW });
    console.log(
      `Seeded ${FLOWS.toLocaleString('en')} flows and ${(FLOWS * VERSIONS_PER_FLOW).toLocaleString('en')} versions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const userId = randomUUID();
    await db
      .insert(users)
      .values({ id: userId, name: 'Bench designer', email: 'bench@example.test', role: 'designer' });
    const caller = createCaller({
      db,
      user: { id: userId, name: 'Bench designer', email: 'bench@example.test', role: 'designer' },
      headers: new Headers(),
      transport: 'direct',
      trustedOrigins: [],
      secretKey: new Uint8Array(randomBytes(32)),
      templatesDir: path.resolve('templates'),
    });

    const big = generateEngineFlow(1000);
    const [publishFlow] = await db
      .insert(flows)
      .values({ key: big.id, name: big.name, draft: big })
      .returning({ id: flows.id });
    if (!publishFlow) throw new Error('the 1,000-node flow was not inserted');
    const edited = editedCopy(big);
    const [diffFlow] = await db
      .insert(flows)
      .values({ key: 'diff-pair', name: 'Diff pair', draft: edited })
      .returning({ id: flows.id });
    if (!diffFlow) throw new Error('the diff-pair flow was not inserted');
    await db.insert(flowVersions).values([
      { flowId: diffFlow.id, number: 1, document: big, checksum: 'v1' },
      { flowId: diffFlow.id, number: 2, document: edited, checksum: 'v2' },
    ]);

    let cursor: string | null = null;
    const figures = [
      await measure('flows.list, first page of 50', 50, () => caller.flows.list({ limit: 50 })),
      await measure('flows.list, next page (cursor)', 50, async () => {
        const page = await caller.flows.list({ limit: 50, cursor: cursor ?? undefined });
        cursor = page.nextCursor;
      }),
      await measure('flows.list, search "flow-99"', 50, () => caller.flows.list({ limit: 50, search: 'flow-99' })),
      await measure('versions.list of a seeded flow', 50, () => caller.versions.list({ flowId: publishFlow.id })),
      await measure('versions.publish, 1,000-node flow', 150, () =>
        caller.versions.publish({ flowId: publishFlow.id, note: 'bench' }),
      ),
      await measure('versions.diff, two 1,000-node versions', 100, () =>
        caller.versions.diff({ flowId: diffFlow.id, a: 1, b: 2 }),
      ),
      await measure('diffFlows alone (in memory)', 100, () => diffFlows(big, edited)),
    ];

    const published = await db.$count(flowVersions, eq(flowVersions.flowId, publishFlow.id));
    console.log(`\n${'measure'.padEnd(42)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'budget'.padStart(8)}`);
    let failed = 0;
    for (const figure of figures) {
      const median = percentile(figure.samples, 50);
      const p95 = percentile(figure.samples, 95);
      const ok = p95 < figure.budgetMs;
      if (!ok) failed++;
      console.log(
        `${figure.name.padEnd(42)} ${median.toFixed(1).padStart(6)} ms ${p95.toFixed(1).padStart(6)} ms ${`< ${figure.budgetMs}`.padStart(5)} ms ${ok ? 'ok' : 'OVER'}`,
      );
    }
    console.log(
      `\n${RUNS} runs after ${WARM_UP} warm-up runs each; ${published} versions published of the 1,000-node flow.`,
    );
    if (failed > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

await main();
