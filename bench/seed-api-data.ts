// Seeds the API benchmark's database in bulk SQL: N flows with small valid drafts, each with M published versions.

import { sql } from 'drizzle-orm';
import type { Database } from '../schemas/database';

/** A small valid flow (start → play → hangup) as a SQL jsonb expression over the flow key `k`. */
const draftExpression = sql.raw(`jsonb_build_object(
  'schemaVersion', 1, 'id', k, 'name', 'Benchmark flow ' || k,
  'languages', '["en-US"]'::jsonb, 'defaultLanguage', 'en-US', 'variables', '[]'::jsonb,
  'nodes', '[{"id":"start","type":"start","position":{"x":0,"y":0},"config":{}},
             {"id":"welcome","type":"play","position":{"x":0,"y":100},"config":{"prompt":{"tts":{"en-US":"Welcome"}}}},
             {"id":"bye","type":"hangup","position":{"x":0,"y":200},"config":{}}]'::jsonb,
  'edges', '[{"id":"e1","source":"start","port":"next","target":"welcome"},
             {"id":"e2","source":"welcome","port":"next","target":"bye"}]'::jsonb)`);

export interface SeedCounts {
  flows: number;
  versionsPerFlow: number;
}

/**
 * Inserts `flows` flows (keys `seed-flow-1…`, updated a minute apart) and `versionsPerFlow` versions of each,
 * with two INSERT … SELECT generate_series statements, then ANALYZE so the planner sees the real sizes.
 */
export async function seedFlowsAndVersions(db: Database, counts: SeedCounts): Promise<void> {
  await db.execute(sql`
    insert into flows (key, name, draft, revision, created_at, updated_at)
    select k, 'Benchmark flow ' || k, ${draftExpression}, 1, t, t
    from (select 'seed-flow-' || g as k, now() - g * interval '1 minute' as t from generate_series(1, ${counts.flows}::int) g) s`);
  await db.execute(sql`
    insert into flow_versions (flow_id, number, document, checksum, note, published_at)
    select f.id, v, f.draft, encode(sha256(convert_to(f.draft::text, 'UTF8')), 'hex'), 'Seeded version ' || v,
           f.updated_at - (${counts.versionsPerFlow}::int - v) * interval '1 hour'
    from flows f cross join generate_series(1, ${counts.versionsPerFlow}::int) v
    where f.key like 'seed-flow-%'`);
  await db.execute(sql`analyze flows`);
  await db.execute(sql`analyze flow_versions`);
}
