// The flow list: newest change first, searched by name or key, paged by keyset so page n costs what page 1 does.

import 'server-only';
import { and, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { flows, flowVersions, users } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';
import { hasPossibleLeadingDate } from '../validation/calendar-date';

export interface ListFlowsInput {
  search?: string;
  status: 'active' | 'archived' | 'all';
  limit: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string;
}

export interface FlowListItem {
  id: string;
  key: string;
  name: string;
  revision: number;
  archivedAt: Date | null;
  updatedAt: Date;
  updatedByName: string | null;
  /** Highest published version number, or null when never published. */
  latestVersion: number | null;
}

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  constructor() {
    super('The page cursor is not valid; load the list again from the first page.');
  }
}

// The cursor carries updated_at as PostgreSQL's own text so that microseconds survive the round trip
// (a JavaScript Date would cut them to milliseconds and skip rows).
function encodeCursor(updatedAtText: string, id: string): string {
  return Buffer.from(JSON.stringify([updatedAtText, id])).toString('base64url');
}

// Exactly what PostgreSQL prints for a timestamptz (a day that exists, an offset under 16 hours) and a uuid, so a
// tampered cursor never reaches a cast in SQL.
const timestampText =
  /^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d){0,2}$/;
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      timestampText.test(value[0]) &&
      hasPossibleLeadingDate(value[0]) &&
      uuidText.test(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // Falls through to the typed error below.
  }
  throw new InvalidCursorError();
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%" literally. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, '\\$&')}%`;
}

export async function listFlows(
  executor: Executor,
  input: ListFlowsInput,
): Promise<{ items: FlowListItem[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (input.status === 'active') conditions.push(isNull(flows.archivedAt));
  if (input.status === 'archived') conditions.push(isNotNull(flows.archivedAt));
  const search = input.search?.trim();
  if (search) {
    const searchCondition = or(ilike(flows.name, likePattern(search)), ilike(flows.key, likePattern(search)));
    if (searchCondition) conditions.push(searchCondition);
  }
  if (input.cursor) {
    const [updatedAt, id] = decodeCursor(input.cursor);
    // A row comparison matches the (updated_at desc, id desc) index, so the page starts with an index seek.
    conditions.push(sql`(${flows.updatedAt}, ${flows.id}) < (${updatedAt}::timestamptz, ${id}::uuid)`);
  }

  const rows = await executor
    .select({
      id: flows.id,
      key: flows.key,
      name: flows.name,
      revision: flows.revision,
      archivedAt: flows.archivedAt,
      updatedAt: flows.updatedAt,
      updatedAtText: sql<string>`${flows.updatedAt}::text`,
      updatedByName: users.name,
      latestVersion: sql<
        number | null
      >`(select max(${flowVersions.number}) from ${flowVersions} where ${flowVersions.flowId} = ${flows.id})`,
    })
    .from(flows)
    .leftJoin(users, eq(users.id, flows.updatedBy))
    .where(and(...conditions))
    .orderBy(desc(flows.updatedAt), desc(flows.id))
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ updatedAtText: _text, ...item }) => item),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.updatedAtText, last.id) : null,
  };
}
