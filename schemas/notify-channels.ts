// The NOTIFY channels the studio announces changes on and the runtimes listen to: one name and one payload schema each,
// so the sender (app/_server) and the listeners (runtime/) cannot drift apart (DESIGN §2: contracts live in schemas/).

import * as z from 'zod';
import { notifyInTransaction, type DatabaseHandle, type Executor, type Unlisten } from './database';

export const notifyChannels = {
  /** A flow version was published: runtimes drop their cached line → version answers and resync prompt recordings. */
  publish: {
    name: 'callflow_publish',
    payload: z.strictObject({ flowId: z.string().min(1), version: z.number().int().positive() }),
  },
  /** A line was created, changed, bound, enabled, disabled or deleted (`action` is its audit action, e.g. `line.bind`). */
  lines: {
    name: 'callflow_lines',
    payload: z.strictObject({
      lineId: z.string().min(1),
      number: z.string().min(1),
      action: z.string().regex(/^line\.[a-z]+$/),
    }),
  },
  /** A recording in the prompt library was uploaded, replaced or deleted: runtimes rewrite their sounds directory. */
  promptAudio: {
    name: 'callflow_prompt_audio',
    payload: z.strictObject({ key: z.string().min(1), language: z.string().min(1) }),
  },
} as const;

export type NotifyChannel = keyof typeof notifyChannels;
export type NotifyPayload<C extends NotifyChannel> = z.infer<(typeof notifyChannels)[C]['payload']>;

/**
 * Announces on `channel` when the surrounding transaction commits (never if it rolls back). The payload is checked
 * against the contract first: a wrong shape is a bug, thrown here so the transaction rolls back rather than reaching
 * every runtime.
 * @example await announce(tx, 'publish', { flowId, version: 3 });
 */
export async function announce<C extends NotifyChannel>(
  tx: Executor,
  channel: C,
  payload: NotifyPayload<C>,
): Promise<void> {
  const checked: unknown = notifyChannels[channel].payload.parse(payload);
  await notifyInTransaction(tx, notifyChannels[channel].name, JSON.stringify(checked));
}

/** The payload of an announcement on `channel` when it follows the contract, else what is wrong with it. */
function parsePayload<C extends NotifyChannel>(
  channel: C,
  text: string,
): { ok: true; payload: NotifyPayload<C> } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const parsed = notifyChannels[channel].payload.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      problem: parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
        .join('; '),
    };
  return { ok: true, payload: parsed.data as NotifyPayload<C> };
}

/**
 * Calls `onPayload` with every announcement on `channel` that follows its contract, and `onMalformed` (with the text
 * and what is wrong) with any that does not, e.g. one sent by hand with psql or by an older studio.
 */
export function listenFor<C extends NotifyChannel>(
  handle: Pick<DatabaseHandle, 'listen'>,
  channel: C,
  onPayload: (payload: NotifyPayload<C>) => void,
  onMalformed: (text: string, problem: string) => void,
): Promise<Unlisten> {
  return handle.listen(notifyChannels[channel].name, (text) => {
    const result = parsePayload(channel, text);
    if (result.ok) onPayload(result.payload);
    else onMalformed(text, result.problem);
  });
}
