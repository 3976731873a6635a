// Stores a caller's callback request in PostgreSQL; the dialer that calls back comes in a later issue.

import type { CallbackRequest, CallbackResult } from '../../flow-engine/driver';
import { nextOpening } from '../../flow-engine/schedule/next-opening';
import type { Database } from '../../schemas/database';
import { callbackRequests } from '../../schemas/db';

export interface CallbackContext {
  channelUuid: string;
  flowId: string | null;
  now: Date;
}

/** `failed` when there is no number to call or no opening in the schedule, or the database refused the row. */
export async function storeCallback(
  db: Database,
  request: CallbackRequest,
  context: CallbackContext,
  log: (message: string) => void,
): Promise<CallbackResult> {
  const number = request.number.replace(/[^0-9+]/g, '');
  if (number.length < 3) return { outcome: 'failed' };
  const dueAt =
    request.when === 'nextOpen' && request.schedule ? nextOpening(request.schedule, context.now) : context.now;
  if (!dueAt) return { outcome: 'failed' };
  try {
    await db.insert(callbackRequests).values({
      number,
      skillGroupKey: request.skillGroup?.key ?? null,
      when: request.when,
      dueAt,
      channelUuid: context.channelUuid,
      flowId: context.flowId,
      node: request.node,
    });
    return { outcome: 'scheduled' };
  } catch (error) {
    log(`callback for call ${context.channelUuid} not stored: ${(error as Error).message}`);
    return { outcome: 'failed' };
  }
}
