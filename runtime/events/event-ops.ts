// The writes a call produces (call started, one event, call ended), as plain JSON so they can wait in the spool.

import { sql } from 'drizzle-orm';
import type { Transaction } from '../../schemas/database';
import { callEvents, calls, type CallEndReason } from '../../schemas/db';

export type EventOp =
  | {
      op: 'callStarted';
      id: string;
      channelUuid: string;
      number: string;
      flowId: string | null;
      flowVersion: number | null;
      caller: string;
      language: string | null;
      startedAt: string;
    }
  | {
      op: 'event';
      callId: string;
      seq: number;
      at: string;
      type: string;
      nodeId: string | null;
      port: string | null;
      data: Record<string, unknown> | null;
    }
  | {
      op: 'callEnded';
      id: string;
      endedAt: string;
      endNode: string | null;
      endReason: CallEndReason;
      endDetail: string | null;
    };

/**
 * Apply ops in one transaction, idempotently: a call row is keyed by its channel uuid, an event by (call, seq), and
 * an end is a plain overwrite; so a batch replayed after an outage (or twice after a crash) changes nothing.
 * Calls first, then events (which reference them), then ends: within a batch that order respects every op's order.
 * Each kind is one statement over one JSON parameter (jsonb_to_recordset): building a multi-row insert through the
 * query builder cost more CPU per event than the rest of the call's handling. The statements are sent together on the
 * transaction's one connection (pipelined: one round trip instead of one each); the server still runs them in order.
 */
export async function applyOps(tx: Transaction, ops: readonly EventOp[]): Promise<void> {
  const started: object[] = [];
  const events: object[] = [];
  // One end per call: the last one wins, as when they were applied one after another.
  const ended = new Map<string, object>();
  for (const op of ops) {
    if (op.op === 'callStarted')
      started.push({
        id: op.id,
        channel_uuid: op.channelUuid,
        number: op.number,
        flow_id: op.flowId,
        flow_version: op.flowVersion,
        caller: op.caller,
        language: op.language,
        started_at: op.startedAt,
      });
    else if (op.op === 'event')
      events.push({
        call_id: op.callId,
        seq: op.seq,
        at: op.at,
        type: op.type,
        node_id: op.nodeId,
        port: op.port,
        data: op.data,
      });
    else
      ended.set(op.id, {
        id: op.id,
        ended_at: op.endedAt,
        end_node: op.endNode,
        end_reason: op.endReason,
        end_detail: op.endDetail,
      });
  }
  const statements: PromiseLike<unknown>[] = [];
  if (started.length > 0) {
    statements.push(
      tx.execute(sql`
      insert into ${calls} (id, channel_uuid, number, flow_id, flow_version, caller, language, started_at)
      select id, channel_uuid, number, flow_id, flow_version, caller, language, started_at
      from jsonb_to_recordset(${JSON.stringify(started)}::jsonb)
        as x(id uuid, channel_uuid text, number text, flow_id uuid, flow_version integer, caller text, language text, started_at timestamptz)
      on conflict do nothing`),
    );
  }
  if (events.length > 0) {
    statements.push(
      tx.execute(sql`
      insert into ${callEvents} (call_id, seq, at, type, node_id, port, data)
      select call_id, seq, at, type, node_id, port, data
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
        as x(call_id uuid, seq integer, at timestamptz, type text, node_id text, port text, data jsonb)
      on conflict (call_id, seq) do nothing`),
    );
  }
  if (ended.size > 0) {
    statements.push(
      tx.execute(sql`
      update ${calls} set ended_at = x.ended_at, end_node = x.end_node, end_reason = x.end_reason, end_detail = x.end_detail
      from jsonb_to_recordset(${JSON.stringify([...ended.values()])}::jsonb)
        as x(id uuid, ended_at timestamptz, end_node text, end_reason text, end_detail text)
      where ${calls.id} = x.id`),
    );
  }
  await Promise.all(statements);
}
