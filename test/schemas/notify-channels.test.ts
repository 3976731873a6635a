// The studio ↔ runtime NOTIFY contract (schemas/notify-channels): announcements checked before they are sent, arriving
// typed on commit, and payloads off the contract handed to the listener's onMalformed instead.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announce,
  listenFor,
  notifyChannels,
  type NotifyChannel,
  type NotifyPayload,
} from '../../schemas/notify-channels';
import { testBackends, type TestDatabase } from '../app/helpers/test-database';

interface Heard<C extends NotifyChannel> {
  payloads: NotifyPayload<C>[];
  malformed: { text: string; problem: string }[];
  /** Resolves once `count` announcements (either kind) have arrived. */
  arrived(count: number): Promise<void>;
  stop(): Promise<void>;
}

async function hear<C extends NotifyChannel>(database: TestDatabase, channel: C): Promise<Heard<C>> {
  const payloads: NotifyPayload<C>[] = [];
  const malformed: { text: string; problem: string }[] = [];
  let wake = () => {};
  const stop = await listenFor(
    database.handle,
    channel,
    (payload) => (payloads.push(payload), wake()),
    (text, problem) => (malformed.push({ text, problem }), wake()),
  );
  const arrived = (count: number) =>
    new Promise<void>((resolve) => {
      wake = () => payloads.length + malformed.length >= count && resolve();
      wake();
    });
  return { payloads, malformed, arrived, stop };
}

describe.each(testBackends)('NOTIFY contracts on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  it('an announcement arrives typed when its transaction commits', async () => {
    const heard = await hear(database, 'publish');
    try {
      await database.db.transaction((tx) => announce(tx, 'publish', { flowId: 'f-1', version: 3 }));
      await heard.arrived(1);
      expect(heard.payloads).toEqual([{ flowId: 'f-1', version: 3 }]);
      expect(heard.malformed).toEqual([]);
    } finally {
      await heard.stop();
    }
  });

  it('a payload off the contract is refused before it is sent, and its transaction rolls back', async () => {
    const heard = await hear(database, 'lines');
    try {
      const wrong = { lineId: 'l-1', number: '4008001234', action: 'create' };
      await expect(database.db.transaction((tx) => announce(tx, 'lines', wrong))).rejects.toThrow(/action/);
      await database.db.transaction((tx) =>
        announce(tx, 'lines', { lineId: 'l-1', number: '4008001234', action: 'line.bind' }),
      );
      await heard.arrived(1);
      // The refused one never reached a listener: the first to arrive is the valid one.
      expect(heard.payloads).toEqual([{ lineId: 'l-1', number: '4008001234', action: 'line.bind' }]);
    } finally {
      await heard.stop();
    }
  });

  it('a payload sent past the contract (by hand, or by an older studio) goes to onMalformed with what is wrong', async () => {
    const heard = await hear(database, 'promptAudio');
    try {
      await database.handle.notify(notifyChannels.promptAudio.name, '{"key":"welcome"}');
      await database.handle.notify(notifyChannels.promptAudio.name, 'reload');
      await database.handle.notify(notifyChannels.promptAudio.name, '{"key":"welcome","language":"zh-CN"}');
      await heard.arrived(3);
      expect(heard.payloads).toEqual([{ key: 'welcome', language: 'zh-CN' }]);
      expect(heard.malformed.map((m) => m.text)).toEqual(['{"key":"welcome"}', 'reload']);
      expect(heard.malformed[0]!.problem).toMatch(/^language: /);
      expect(heard.malformed[1]!.problem).toBe('not JSON');
    } finally {
      await heard.stop();
    }
  });
});
