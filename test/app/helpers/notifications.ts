// Collects Postgres NOTIFY payloads on a channel so tests can assert what a listener received (or did not).

import type { DatabaseHandle } from '../../../schemas/database';

export interface NotificationLog {
  readonly payloads: unknown[];
  /** Resolves with the first payload (parsed JSON) matching `match`, or rejects after `timeoutMs`. */
  waitFor(match: (payload: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  stop(): Promise<void>;
}

export async function listenTo(handle: DatabaseHandle, channel: string): Promise<NotificationLog> {
  const payloads: unknown[] = [];
  const waiters: { match: (payload: unknown) => boolean; resolve: (payload: unknown) => void }[] = [];
  const unlisten = await handle.listen(channel, (text) => {
    const payload: unknown = JSON.parse(text);
    payloads.push(payload);
    for (const waiter of waiters.filter((w) => w.match(payload))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(payload);
    }
  });
  return {
    payloads,
    waitFor(match, timeoutMs = 5000) {
      const seen = payloads.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No NOTIFY on ${channel} matched within ${timeoutMs} ms.`)),
          timeoutMs,
        );
        waiters.push({ match, resolve: (payload) => (clearTimeout(timer), resolve(payload)) });
      });
    },
    stop: unlisten,
  };
}
