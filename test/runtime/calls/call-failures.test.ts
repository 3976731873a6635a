// What a call survives: the caller hanging up during each effect, FreeSWITCH dropping the socket, a publish mid-call, a drain.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { flow, node, tts } from '../../flow-engine/support/build-flow';
import { testBackends, type TestDatabase } from '../../app/helpers/test-database';
import {
  addLine,
  addSkillGroup,
  endedCall,
  eventually,
  publish,
  startTestRuntime,
  type TestRuntime,
} from '../helpers/runtime-harness';

describe.each(testBackends)('runtime on $name: failures', (backend) => {
  let database: TestDatabase;
  let harness: TestRuntime;

  beforeAll(async () => {
    database = await backend.open();
    harness = await startTestRuntime(database.handle, { CALLFLOW_ASR_ENGINE: 'unimrcp' });
    await addSkillGroup(database.db, 'support', 1, 'busy');
    const everything = flow(
      [
        node('hello', 'play', { prompt: tts('Hello') }),
        node('pin', 'collect', {
          prompt: tts('Enter your PIN'),
          variable: 'pin',
          minDigits: 1,
          maxDigits: 4,
          maxAttempts: 1,
        }),
        node('ask', 'speech', {
          prompt: tts('Say something'),
          intents: [{ name: 'yes', phrases: ['yes'] }],
          maxAttempts: 1,
        }),
        // No prompt: the scripted hangup lands in the recording itself.
        node('vm', 'record', {}),
        node('x', 'hangup'),
      ],
      [
        'start:next->hello',
        'hello:next->pin',
        'pin:ok->ask',
        'pin:invalid->x',
        'pin:noInput->x',
        'ask:yes->vm',
        'ask:noMatch->x',
        'ask:noInput->x',
        'vm:recorded->x',
        'vm:noInput->x',
      ],
      { id: 'failures', variables: [{ name: 'pin', type: 'string' }] },
    );
    const { flowId } = await publish(database.handle, everything);
    await addLine(database.handle, '4008002001', flowId);
    const ringing = flow(
      [node('t', 'transfer', { to: '+861088886666' }), node('x', 'hangup')],
      ['start:next->t', 't:busy->x', 't:noAnswer->x', 't:failed->x'],
      { id: 'failures-transfer' },
    );
    await addLine(database.handle, '4008002002', (await publish(database.handle, ringing)).flowId);
    // The only agent is busy: the caller waits on hold music.
    const waiting = flow(
      [
        node('q', 'queue', {
          skillGroup: { ref: 'support' },
          maxWaitSeconds: 3600,
          announcePosition: false,
          announceWaitTime: false,
        }),
        node('x', 'hangup'),
      ],
      ['start:next->q', 'q:overflow->x', 'q:noAgents->x', 'q:callback->x'],
      { id: 'failures-queue' },
    );
    await addLine(database.handle, '4008002005', (await publish(database.handle, waiting)).flowId);
  });

  afterAll(async () => {
    await harness?.stop();
    await database?.close();
  });

  const endOf = (channelUuid: string) => endedCall(database.db, channelUuid);

  const cases: [string, Parameters<TestRuntime['dial']>[0], string][] = [
    ['a prompt', { destination: '4008002001', inputs: [{ hangup: true }] }, 'hello'],
    ['an input', { destination: '4008002001', inputs: [] }, 'pin'],
    ['speech recognition', { destination: '4008002001', inputs: ['1', { hangup: true }], asr: true }, 'ask'],
    ['a recording', { destination: '4008002001', inputs: ['1', { say: 'yes' }, { hangup: true }], asr: true }, 'vm'],
    ['a queue wait (hold music)', { destination: '4008002005', inputs: [{ hangup: true }] }, 'q'],
    ['ringing of a transfer', { destination: '4008002002', inputs: [{ hangup: true }] }, 't'],
  ];

  test.each(cases)(
    'a caller hangup during %s ends the call callerHangup there, with no call left behind',
    async (_what, script, at) => {
      const trace = await harness.dial(script);
      expect(trace.endedBy).toBe('caller');
      expect(await endOf(trace.uuid)).toMatchObject({ endReason: 'callerHangup', endNode: at });
      await eventually(async () => harness.runtime.activeCalls === 0, 'no call left in the runtime');
    },
  );

  test('a caller hangup after the transfer has rung a while (ring_ready, no answer yet) ends the call callerHangup at the transfer', async () => {
    const trace = await harness.dial({ destination: '4008002002', bridges: [{ ringMs: 30, hangup: true }] });
    expect(trace.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bridge to .*: ringing 30 ms$/),
        expect.stringMatching(/the caller hung up while it rang$/),
      ]),
    );
    // The bridge was running when the caller left: it completes after CHANNEL_HANGUP, as FreeSWITCH sends it.
    expect(trace.apps.at(-1)).toMatchObject({ app: 'bridge', response: '_none_' });
    expect(trace.endedBy).toBe('caller');
    expect(await endOf(trace.uuid)).toMatchObject({ endReason: 'callerHangup', endNode: 't' });
    await eventually(async () => harness.runtime.activeCalls === 0, 'no call left in the runtime');
  });

  test('a caller who hangs up right after connect, before linger and myevents are answered, still leaves a started and ended call row', async () => {
    const trace = await harness.dial({ destination: '4008002001', hangupAfterConnect: true });
    expect(trace.endedBy).toBe('caller');
    expect(trace.apps).toEqual([]);
    const row = await endOf(trace.uuid);
    // Gone before the flow's first node ran: it ended at the start.
    expect(row).toMatchObject({
      endReason: 'callerHangup',
      endNode: 'start',
      number: '4008002001',
      caller: '1001',
      flowVersion: 1,
    });
    expect(row.startedAt).toBeInstanceOf(Date);
    expect(row.endedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt.getTime());
    await eventually(async () => harness.runtime.activeCalls === 0, 'no call left in the runtime');
  });

  test('FreeSWITCH dropping the socket mid-call (no notice) ends the call callerHangup and leaks nothing', async () => {
    const trace = await harness.dial({ destination: '4008002001', inputs: ['1'], dropSocketOn: 'play_and_get_digits' });
    expect(trace.endedBy).toBe('freeswitch');
    expect(await endOf(trace.uuid)).toMatchObject({ endReason: 'callerHangup', endNode: 'pin' });
    await eventually(async () => harness.runtime.activeCalls === 0, 'no call left in the runtime');
  });

  test('a version published during a call: that call finishes on its version, a later call runs the new one', async () => {
    const versioned = (word: string) =>
      flow(
        [
          node('hello', 'play', { prompt: tts(`Version ${word}`) }),
          node('bye', 'hangup', { prompt: tts(`Goodbye from version ${word}`) }),
        ],
        ['start:next->hello', 'hello:next->bye'],
        { id: 'live-publish' },
      );
    const { flowId } = await publish(database.handle, versioned('one'));
    await addLine(database.handle, '4008002003', flowId);
    let published: Promise<unknown> | undefined;
    const first = await harness.dial({
      destination: '4008002003',
      mediaMs: 50,
      duringPrompt: () => {
        published ??= publish(database.handle, versioned('two'));
        return undefined;
      },
    });
    await published;
    expect(first.lines).toEqual(expect.arrayContaining(['spoke: Version one', 'spoke: Goodbye from version one']));
    expect(await endOf(first.uuid)).toMatchObject({ flowVersion: 1, endReason: 'hangup' });
    // NOTIFY clears the cache at once; the line's TTL bounds it at 1 s if a notification were lost.
    const next = await eventually(async () => {
      const trace = await harness.dial({ destination: '4008002003' });
      return trace.lines.includes('spoke: Version two') ? trace : undefined;
    }, 'a call on version 2');
    expect(await endOf(next.uuid)).toMatchObject({ flowVersion: 2 });
  });

  test('stop() drains: new calls are refused, a call still running at the drain limit is transferred to the fallback and left alone there', async () => {
    const draining = await startTestRuntime(database.handle, { CALLFLOW_DRAIN_SECONDS: '1' });
    const slow = flow(
      [node('hello', 'play', { prompt: tts('A very long announcement') }), node('bye', 'hangup')],
      ['start:next->hello', 'hello:next->bye'],
      { id: 'drain' },
    );
    await addLine(database.handle, '4008002004', (await publish(database.handle, slow)).flowId);
    let stopping: Promise<void> | undefined;
    const trace = await draining.dial({
      destination: '4008002004',
      mediaMs: 60_000,
      duringPrompt: () => {
        stopping ??= draining.stop();
        return undefined;
      },
    });
    await stopping;
    expect(trace.transferredTo).toBe('fallback@callflow');
    // Nothing after the transfer: a multiset or hangup would run inside the fallback and end the caller's call there,
    // and closing the socket with socket_resume still on would reset the channel into silence.
    expect(trace.afterTransfer).toEqual([]);
    expect(trace.resetAfterTransfer).toBe(false);
    expect(trace.endedBy).toBeNull();
    expect(await endOf(trace.uuid)).toMatchObject({
      endReason: 'transferred',
      endNode: 'hello',
      endDetail: 'handed to the fallback extension fallback@callflow when the runtime stopped',
    });
    expect(draining.logs).toContainEqual(expect.stringContaining('drain limit of 1 s reached with 1 calls'));
    await expect(draining.dial({ destination: '4008002004' })).resolves.toMatchObject({ apps: [], hangupCause: null });
  });
});
