// The names audit entries show for their targets ("流程「售后热线」", not "flow 3f2c…"): looked up per entity type
// for one page of entries, falling back to the name the entry itself recorded when the target is gone.

import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../../schemas/database';
import { agents, flows, integrations, lines, promptAudio, schedules, skillGroups, users } from '../../../schemas/db';

type NameLookup = (db: Executor, ids: string[]) => Promise<{ id: string; name: string }[]>;

// Only tables whose id column is a uuid get uuid-shaped ids (a stray id would fail the query's cast).
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const lookups: Record<string, { ids: 'uuid' | 'text'; find: NameLookup }> = {
  flow: {
    ids: 'uuid',
    find: (db, ids) => db.select({ id: flows.id, name: flows.name }).from(flows).where(inArray(flows.id, ids)),
  },
  line: {
    ids: 'uuid',
    find: (db, ids) => db.select({ id: lines.id, name: lines.number }).from(lines).where(inArray(lines.id, ids)),
  },
  user: {
    ids: 'text',
    find: (db, ids) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)),
  },
  schedule: {
    ids: 'uuid',
    find: (db, ids) =>
      db.select({ id: schedules.id, name: schedules.name }).from(schedules).where(inArray(schedules.id, ids)),
  },
  skillGroup: {
    ids: 'uuid',
    find: (db, ids) =>
      db.select({ id: skillGroups.id, name: skillGroups.name }).from(skillGroups).where(inArray(skillGroups.id, ids)),
  },
  agent: {
    ids: 'uuid',
    find: (db, ids) => db.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, ids)),
  },
  integration: {
    ids: 'uuid',
    find: (db, ids) =>
      db
        .select({ id: integrations.id, name: integrations.name })
        .from(integrations)
        .where(inArray(integrations.id, ids)),
  },
  promptAudio: {
    ids: 'uuid',
    find: (db, ids) =>
      db.select({ id: promptAudio.id, name: promptAudio.key }).from(promptAudio).where(inArray(promptAudio.id, ids)),
  },
};

interface AuditTarget {
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** The name an entry recorded in its before/after view (`name`, a line's `number`, a prompt's `key`). */
function recordedName(entry: AuditTarget): string | null {
  for (const view of [entry.after, entry.before]) {
    if (typeof view !== 'object' || view === null) continue;
    for (const field of ['name', 'number', 'key'] as const) {
      const value = (view as Record<string, unknown>)[field];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return null;
}

/**
 * The display name of each entry's target, in the entries' order (null when neither the table nor the entry has one).
 * @example
 * await auditEntityNames(db, [{ entityType: 'flow', entityId: flowId, before: null, after: null }]); // ['售后热线']
 */
export async function auditEntityNames(db: Executor, entries: readonly AuditTarget[]): Promise<(string | null)[]> {
  const found = new Map<string, string>();
  const idsByType = new Map<string, Set<string>>();
  for (const entry of entries) {
    const lookup = lookups[entry.entityType];
    if (!lookup || !entry.entityId || (lookup.ids === 'uuid' && !uuid.test(entry.entityId))) continue;
    const ids = idsByType.get(entry.entityType) ?? new Set<string>();
    idsByType.set(entry.entityType, ids.add(entry.entityId));
  }
  for (const [type, ids] of idsByType) {
    for (const row of await lookups[type]!.find(db, [...ids]))
      if (row.name.trim() !== '') found.set(`${type}:${row.id}`, row.name);
  }
  return entries.map((entry) => found.get(`${entry.entityType}:${entry.entityId}`) ?? recordedName(entry));
}
