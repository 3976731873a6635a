// The writes a call produces (call started, one event, call ended), as plain JSON so they can wait in the spool.

import { eq } from 'drizzle-orm';
import type { Executor } from '../../schemas/database';
import { callEvents, calls, type CallEndReason } from '../../schemas/db';

export type EventOp =
  | { op: 'callStarted'; id: string; channelUuid: string; number: string; flowId: string | null; flowVersion: number | null; caller: string; language: string | null; startedAt: string }
  | { op: 'event'; callId: string; seq: number; at: string; type: string; nodeId: string | null; port: string | null; data: Record<string, unknown> | null }
  | { op: 'callEnded'; id: string; endedAt: string; endNode: string | null; endReason: CallEndReason; endDetail: string | null };

/**
 * Apply ops in one transaction, idempotently: a call row is keyed by its channel uuid, an event by (call, seq), and
 * an end is a plain overwrite; so a batch replayed after an outage (or twice after a crash) changes nothing.
 * Calls first, then events (which reference them), then ends: within a batch that order respects every op's order.
 */
export async function applyOps(db: Executor, ops: readonly EventOp[]): Promise<void> {
  const started = ops.filter((op) => op.op === 'callStarted');
  const events = ops.filter((op) => op.op === 'event');
  const ended = ops.filter((op) => op.op === 'callEnded');
  if (started.length > 0) {
    await db
      .insert(calls)
      .values(started.map((op) => ({ id: op.id, channelUuid: op.channelUuid, number: op.number, flowId: op.flowId, flowVersion: op.flowVersion, caller: op.caller, language: op.language, startedAt: new Date(op.startedAt) })))
      .onConflictDoNothing();
  }
  if (events.length > 0) {
    await db
      .insert(callEvents)
      .values(events.map((op) => ({ callId: op.callId, seq: op.seq, at: new Date(op.at), type: op.type, nodeId: op.nodeId, port: op.port, data: op.data })))
      .onConflictDoNothing({ target: [callEvents.callId, callEvents.seq] });
  }
  for (const op of ended) {
    await db
      .update(calls)
      .set({ endedAt: new Date(op.endedAt), endNode: op.endNode, endReason: op.endReason, endDetail: op.endDetail })
      .where(eq(calls.id, op.id));
  }
}
