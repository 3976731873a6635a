// Ends call rows left open by a runtime that died mid-call, once they are older than the maximum call duration.

import { and, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../schemas/database';
import { calls } from '../../schemas/db';

export const REAPED_DETAIL = 'the runtime handling the call stopped before it ended; closed by the reaper';

/**
 * One sweep: every call still open after `maxCallSeconds` (no runtime keeps a call that long: its own timer ends it)
 * is ended with reason error. Idempotent, so every runtime of a cluster may sweep. Resolves with the rows closed.
 */
export async function reapStaleCalls(db: Database, maxCallSeconds: number): Promise<number> {
  const closed = await db
    .update(calls)
    .set({ endedAt: sql`now()`, endReason: 'error', endDetail: REAPED_DETAIL })
    .where(and(isNull(calls.endedAt), lt(calls.startedAt, sql`now() - make_interval(secs => ${maxCallSeconds + 60})`)))
    .returning({ id: calls.id });
  return closed.length;
}

/** Sweeps at start and then every `everyMs` (default a minute); errors (database away) wait for the next sweep. */
export function startCallReaper(
  db: Database,
  maxCallSeconds: number,
  log: (message: string) => void,
  everyMs = 60_000,
): () => void {
  const sweep = () =>
    reapStaleCalls(db, maxCallSeconds).then(
      (count) => count > 0 && log(`reaper: closed ${count} calls left open by a runtime that stopped`),
      () => undefined,
    );
  void sweep();
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
