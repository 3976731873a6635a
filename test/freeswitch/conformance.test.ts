// The conformance suite against a real FreeSWITCH (`npm run test:freeswitch`, issue 14): flows published through the
// API, lines bound, then the runtime started as an operator runs it — `npm start` on the embedded database and
// `npm run runtime` with DATABASE_URL, each a real process — loopback calls placed, keys pressed and callers hung up
// over FreeSWITCH's event socket, and the outcome read from FreeSWITCH's events and channel variables and from the
// call rows and events in the database (on the embedded database after the studio stops: one process at a time).
//
// Needs CALLFLOW_TEST_FREESWITCH=host:port:password and a FreeSWITCH whose `callflow` context hands calls to
// CALLFLOW_TEST_RUNTIME_LISTEN (default 127.0.0.1:8084, the sample dialplan's `socket`). run.ts prints one line and
// runs nothing without it (vitest.config.ts includes this project's files only when it is set).

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FlowDocument } from '../../flow-engine/document';
import type { DatabaseHandle } from '../../schemas/database';
import { agentSkills, agents, callbackRequests, callEvents, calls, skillGroups } from '../../schemas/db';
import { storePromptAudio } from '../../app/_server/audio/prompt-audio-store';
import { callerAs, seedUser } from '../app/helpers/callers';
import { insertFlow } from '../app/helpers/seed-flows';
import { closedPort } from '../app/helpers/tcp-proxy';
import { flow, node, tts } from '../flow-engine/support/build-flow';
import { addSkillGroup, eventually } from '../runtime/helpers/runtime-harness';
import { toneWav } from '../runtime/helpers/test-wav';
import { FsControl, freeswitchAddress, type FsEvent } from './fs-control';
import { hostingModes, type HostedProcess, type Hosting } from './hosting';

const address = freeswitchAddress(process.env.CALLFLOW_TEST_FREESWITCH ?? '');
const listen = process.env.CALLFLOW_TEST_RUNTIME_LISTEN ?? '127.0.0.1:8084';

type CallRow = typeof calls.$inferSelect;
type CallEvent = typeof callEvents.$inferSelect;

const menuFlow = (id: string) =>
  flow(
    [
      node('menu', 'menu', {
        prompt: tts('Press 1 or 2.'),
        options: [{ key: '1' }, { key: '2' }],
        noInputPrompt: tts('Sorry, I did not hear you.'),
        maxAttempts: 2,
        timeoutSeconds: 2,
      }),
      node('one', 'hangup', { prompt: tts('One.') }),
      node('two', 'hangup', { prompt: tts('Two.') }),
      node('nothing', 'hangup', { prompt: tts('Goodbye.') }),
    ],
    ['start:next->menu', 'menu:1->one', 'menu:2->two', 'menu:noInput->nothing', 'menu:invalid->nothing'],
    { id },
  );

const longPlay = (id: string, text: string) =>
  flow([node('long', 'play', { prompt: tts(text) }), node('bye', 'hangup')], ['start:next->long', 'long:next->bye'], {
    id,
  });

const transferFlow = (to: string) =>
  flow(
    [
      node('t', 'transfer', { to, timeoutSeconds: 10 }),
      node('gone', 'hangup', { prompt: tts('The transfer failed.') }),
    ],
    ['start:next->t', 't:busy->gone', 't:noAnswer->gone', 't:failed->gone'],
    { id: 'fs-transfer' },
  );

/** Every say-as kind but time (read against today's date) in one play node: a number, digits, money and a date. */
const sayAsFlow = (id: string, language: string) =>
  flow(
    [
      node('said', 'play', {
        prompt: {
          parts: [
            { sayAs: 'number', value: '42' },
            { sayAs: 'digits', value: '2026' },
            { sayAs: 'currency', value: '12.50' },
            { sayAs: 'date', value: '2026-12-10' },
          ],
        },
      }),
      node('bye', 'hangup'),
    ],
    ['start:next->said', 'said:next->bye'],
    { id, languages: [language] },
  );

/** The flows of the suite, each published and bound to a line of its own before the runtime starts. */
function scenarios(tag: string): Record<string, FlowDocument> {
  return {
    secondAttempt: menuFlow('fs-second-attempt'),
    noInput: menuFlow('fs-no-input'),
    invalid: menuFlow('fs-invalid'),
    survey: flow(
      [
        node('survey', 'survey', {
          intro: tts('Two quick questions.'),
          questions: [
            { prompt: tts('Rate us from 1 to 5.'), variable: 'rating', min: 1, max: 5 },
            { prompt: tts('Would you call again? 1 for yes, 2 for no.'), variable: 'again', min: 1, max: 2 },
          ],
          thanks: tts('Thank you.'),
          invalidPrompt: tts('That is not a choice.'),
          maxAttempts: 2,
          timeoutSeconds: 5,
        }),
        node('bye', 'hangup'),
        node('quiet', 'hangup'),
      ],
      ['start:next->survey', 'survey:done->bye', 'survey:noInput->quiet'],
      {
        id: 'fs-survey',
        variables: [
          { name: 'rating', type: 'number' },
          { name: 'again', type: 'number' },
        ],
      },
    ),
    card: flow(
      [
        node('card', 'collect', {
          prompt: tts('Enter your card number, then the hash key.'),
          variable: 'card',
          sensitive: true,
          minDigits: 16,
          maxDigits: 16,
          timeoutSeconds: 10,
        }),
        node('thanks', 'hangup', { prompt: tts('Thank you.') }),
        node('bad', 'hangup'),
      ],
      ['start:next->card', 'card:ok->thanks', 'card:invalid->bad', 'card:noInput->bad'],
      { id: 'fs-card', variables: [{ name: 'card', type: 'string', sensitive: true }] },
    ),
    transferNumber: transferFlow('9196'),
    transferSip: transferFlow('sip:sales@pbx.example.com'),
    hangupPrompt: longPlay(
      'fs-hangup',
      'This is a long announcement that goes on and on so that the caller has time to hang up while it plays.',
    ),
    library: flow(
      [node('hello', 'play', { prompt: { audio: { 'zh-CN': `fs-greeting-${tag}` } } }), node('bye', 'hangup')],
      ['start:next->hello', 'hello:next->bye'],
      { id: 'fs-library', languages: ['zh-CN'] },
    ),
    ttsZh: flow(
      [node('hello', 'play', { prompt: tts('您好，欢迎致电客服中心，请稍候。', 'zh-CN') }), node('bye', 'hangup')],
      ['start:next->hello', 'hello:next->bye'],
      { id: 'fs-tts-zh', languages: ['zh-CN'] },
    ),
    hold: flow(
      [
        node('q', 'queue', {
          skillGroup: { ref: `fs-hold-${tag}` },
          maxWaitSeconds: 3600,
          announcePosition: false,
          announceWaitTime: false,
        }),
        node('x', 'hangup'),
      ],
      ['start:next->q', 'q:overflow->x', 'q:noAgents->x', 'q:callback->x'],
      { id: 'fs-hold' },
    ),
    // A queue whose one agent answers: the agent's contact is FreeSWITCH's echo test on loopback (the default dialplan).
    queueAnswered: flow(
      [
        node('q', 'queue', {
          skillGroup: { ref: `fs-agents-${tag}` },
          maxWaitSeconds: 60,
          announcePosition: false,
          announceWaitTime: false,
        }),
        node('x', 'hangup'),
      ],
      ['start:next->q', 'q:overflow->x', 'q:noAgents->x', 'q:callback->x'],
      { id: 'fs-queue-answered' },
    ),
    queueOverflow: flow(
      [
        node('q', 'queue', {
          skillGroup: { ref: `fs-hold-${tag}` },
          maxWaitSeconds: 5,
          announcePosition: false,
          announceWaitTime: false,
        }),
        node('over', 'hangup', { prompt: tts('Everyone is still busy.') }),
        node('x', 'hangup'),
      ],
      ['start:next->q', 'q:overflow->over', 'q:noAgents->x', 'q:callback->x'],
      { id: 'fs-queue-overflow' },
    ),
    queueCallback: flow(
      [
        node('q', 'queue', {
          skillGroup: { ref: `fs-hold-${tag}` },
          maxWaitSeconds: 120,
          announcePosition: false,
          announceWaitTime: false,
          callbackOfferAfterSeconds: 0,
          callbackKey: '1',
        }),
        node('cb', 'callback', { skillGroup: { ref: `fs-hold-${tag}` } }),
        node('booked', 'hangup', { prompt: tts('We will call you back.') }),
        node('x', 'hangup'),
      ],
      ['start:next->q', 'q:overflow->x', 'q:noAgents->x', 'q:callback->cb', 'cb:scheduled->booked', 'cb:failed->x'],
      { id: 'fs-queue-callback' },
    ),
    record: flow(
      [
        node('vm', 'record', {
          prompt: tts('Leave a message after the beep.'),
          maxSeconds: 20,
          silenceSeconds: 2,
          variable: 'message',
        }),
        // Call events carry no variable values: the goodbye reads the variable back, so FreeSWITCH shows what it holds.
        node('done', 'hangup', { prompt: tts('Your message is saved as {{message}}.') }),
        node('none', 'hangup'),
      ],
      ['start:next->vm', 'vm:recorded->done', 'vm:noInput->none'],
      { id: 'fs-record', variables: [{ name: 'message', type: 'string' }] },
    ),
    hangupCollect: flow(
      [
        node('account', 'collect', {
          prompt: tts('Enter your account number, then the hash key.'),
          variable: 'account',
          minDigits: 6,
          maxDigits: 10,
          timeoutSeconds: 20,
        }),
        node('ok', 'hangup'),
        node('bad', 'hangup'),
      ],
      ['start:next->account', 'account:ok->ok', 'account:invalid->bad', 'account:noInput->bad'],
      { id: 'fs-hangup-collect', variables: [{ name: 'account', type: 'string' }] },
    ),
    // 9180 in FreeSWITCH's default dialplan rings (ring_ready) for 20 s before it answers.
    hangupRinging: flow(
      [node('t', 'transfer', { to: '9180', timeoutSeconds: 15 }), node('gone', 'hangup')],
      ['start:next->t', 't:busy->gone', 't:noAnswer->gone', 't:failed->gone'],
      { id: 'fs-hangup-ringing' },
    ),
    sayEn: sayAsFlow('fs-say-en', 'en-US'),
    sayZh: sayAsFlow('fs-say-zh', 'zh-CN'),
    // A first prompt: the call row is written (batches every 100 ms) before the runtime is killed during the second.
    crash: flow(
      [
        node('welcome', 'play', { prompt: tts('Welcome. Please listen to the following announcement.') }),
        node('long', 'play', {
          prompt: tts(
            'This announcement is long enough to still be playing when the runtime is killed and the dialplan takes the call back.',
          ),
        }),
        node('bye', 'hangup'),
      ],
      ['start:next->welcome', 'welcome:next->long', 'long:next->bye'],
      { id: 'fs-crash' },
    ),
    drain: longPlay(
      'fs-drain',
      'This announcement is long enough to still be playing when the runtime is stopped and hands the call over.',
    ),
  };
}

describe.each(hostingModes)('a real FreeSWITCH with the runtime hosted by $name', (mode) => {
  let hosting: Hosting;
  let hosted: HostedProcess;
  let control: FsControl;
  /** The runtime writes the prompt library here; FreeSWITCH (same machine) plays from it. */
  let sounds: string;
  /** FreeSWITCH (same machine) records into it; the test reads the files. */
  let recordings: string;
  const numbers: Record<string, string> = {};
  /** Row checks that wait until the database can be read (the embedded one: after the studio stops). */
  const deferred: { what: string; check: (db: DatabaseHandle) => Promise<void> }[] = [];
  const tag = mode.name.startsWith('npm start') ? 'embedded' : 'postgres';
  let processEnv: Record<string, string>;

  beforeAll(async () => {
    hosting = await mode.make(await closedPort());
    sounds = await mkdtemp(path.join(tmpdir(), 'callflow-fs-sounds-'));
    recordings = await mkdtemp(path.join(tmpdir(), 'callflow-fs-recordings-'));
    // Publish through the API (validated as the studio would) and bind lines, before the runtime starts.
    const handle = await hosting.open();
    const designer = await callerAs(handle.db, 'designer');
    const admin = await callerAs(handle.db, 'admin');
    const actor = await seedUser(handle.db, 'admin');
    await storePromptAudio(handle.db, actor, {
      key: `fs-greeting-${tag}`,
      language: 'zh-CN',
      fileName: 'greeting.wav',
      bytes: toneWav(1.5),
      info: { format: 'wav', durationMs: 1500, sampleRate: 8000, channels: 1, codec: 'PCM 16-bit' },
    });
    // One agent, busy: the queue caller waits and hears the hold music.
    await addSkillGroup(handle.db, `fs-hold-${tag}`, 1, 'busy');
    const [agentGroup] = await handle.db
      .insert(skillGroups)
      .values({ key: `fs-agents-${tag}`, name: `fs-agents-${tag}` })
      .returning({ id: skillGroups.id });
    const [agent] = await handle.db
      .insert(agents)
      .values({ name: 'echo agent', contact: 'loopback/9196/default', status: 'available' })
      .returning({ id: agents.id });
    if (!agent || !agentGroup) throw new Error('the conformance agent or its skill group was not inserted');
    await handle.db.insert(agentSkills).values({ agentId: agent.id, skillGroupId: agentGroup.id });
    let next = 4008009000 + (tag === 'embedded' ? 0 : 500);
    for (const [name, document] of Object.entries(scenarios(tag))) {
      const flowId = await insertFlow(handle.db, { ...document, id: `${document.id}-${randomUUID().slice(0, 8)}` });
      await designer.caller.versions.publish({ flowId, note: 'conformance' });
      const number = String(++next);
      numbers[name] = number;
      await admin.caller.lines.create({ number, flowId });
    }
    await hosting.release(handle);
    processEnv = {
      CALLFLOW_RUNTIME_LISTEN: listen,
      CALLFLOW_ESL_PASSWORD: address.password,
      CALLFLOW_SOUNDS_DIR: sounds,
      CALLFLOW_RECORDINGS_DIR: recordings,
      // Every call recorded (record_session): a sensitive collect masks it while the digits are keyed.
      CALLFLOW_RECORD_CALLS: 'true',
      // A number rings FreeSWITCH's own echo test through loopback; a SIP URI goes out through the external profile.
      CALLFLOW_TRANSFER_DIAL_STRING: 'loopback/{number}/default',
      CALLFLOW_TRANSFER_SIP_DIAL_STRING: 'sofia/external/{uri}',
      // The last test stops the process during a call: one second before the hand-off to the fallback extension.
      CALLFLOW_DRAIN_SECONDS: '1',
    };
    control = await FsControl.connect(address);
    await control.subscribe('CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE CHANNEL_BRIDGE CHANNEL_HANGUP_COMPLETE');
    hosted = await hosting.start(processEnv);
  }, 20 * 60_000);

  afterAll(async () => {
    control?.close();
    // Only the process this file spawned, by its handle, if a failed test left it running.
    if (hosted && hosted.child.exitCode === null && hosted.child.signalCode === null) {
      hosted.child.kill('SIGKILL');
      await hosted.exited;
    }
    await hosting?.dispose();
    if (sounds) await rm(sounds, { recursive: true, force: true });
    if (recordings) await rm(recordings, { recursive: true, force: true });
  }, 120_000);

  const isExecute = (channel: string, app: string) => (e: FsEvent) =>
    e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Unique-ID'] === channel && e.Application === app;
  const executes = (channel: string, app: string) => control.events.filter(isExecute(channel, app));
  const nthExecute = (channel: string, app: string, n: number) =>
    control
      .waitFor(() => executes(channel, app).length >= n, `${app} #${n} on the socket leg`, 60_000)
      .then(() => {
        const event = executes(channel, app)[n - 1];
        if (!event) throw new Error(`${app} #${n} on the socket leg: no such event`);
        return event;
      });
  const hungUp = (channel: string) =>
    control.waitFor(
      (e) => e['Event-Name'] === 'CHANNEL_HANGUP_COMPLETE' && e['Unique-ID'] === channel,
      'CHANNEL_HANGUP_COMPLETE of the socket leg',
      60_000,
    );
  const keys = (caller: string, digits: string) => control.api(`uuid_send_dtmf ${caller} ${digits}`);

  const numberOf = (scenario: string) => {
    const number = numbers[scenario];
    if (number === undefined) throw new Error(`no line number for the scenario ${scenario}`);
    return number;
  };

  /** Places a loopback call into the callflow context: the parked caller leg (A) and the leg FreeSWITCH hands to the runtime. */
  async function call(scenario: string, callerApps = '&park()') {
    const caller = randomUUID();
    const reply = await control.api(
      `originate {origination_uuid=${caller},origination_caller_id_number=1001}loopback/${numberOf(scenario)}/callflow ${callerApps}`,
    );
    expect(reply).toMatch(/^\+OK/);
    const socket = await control.waitFor(
      (e) =>
        e['Event-Name'] === 'CHANNEL_EXECUTE' &&
        e.Application === 'socket' &&
        e['variable_other_loopback_leg_uuid'] === caller,
      'the socket application on the B leg',
    );
    const channel = socket['Unique-ID'];
    if (!channel) throw new Error(`the socket application event of ${caller} has no Unique-ID`);
    return { scenario, caller, channel };
  }
  type Placed = Awaited<ReturnType<typeof call>>;

  async function rowOf(
    db: DatabaseHandle,
    channel: string,
    timeoutMs: number,
  ): Promise<{ row: CallRow; events: CallEvent[] }> {
    let seen = 'no row';
    const row = await eventually(
      async () => {
        const [found] = await db.db.select().from(calls).where(eq(calls.channelUuid, channel));
        if (found) seen = `a row still open since ${found.startedAt.toISOString()}`;
        return found?.endReason ? found : undefined;
      },
      `the ended call row of ${channel}`,
      timeoutMs,
    ).catch((error: Error) => {
      throw new Error(`${error.message} (${seen})`);
    });
    return {
      row,
      events: await db.db.select().from(callEvents).where(eq(callEvents.callId, row.id)).orderBy(asc(callEvents.seq)),
    };
  }

  /** Checks the call's row and events: now on PostgreSQL, after the studio stops on the embedded database. */
  async function expectRow(
    placed: Placed,
    check: (row: CallRow, events: CallEvent[]) => void,
    timeoutMs = 60_000,
  ): Promise<void> {
    const run = async (db: DatabaseHandle) => {
      const { row, events } = await rowOf(db, placed.channel, timeoutMs);
      check(row, events);
    };
    if (hosting.sharedWhileRunning) {
      await run(await hosting.open());
    } else {
      // The caller's leg is gone before the next test places its call.
      await hungUp(placed.channel);
      deferred.push({ what: placed.scenario, check: run });
    }
  }
  const portsOf = (events: CallEvent[]) =>
    events.filter((e) => e.type === 'port.taken').map((e) => `${e.nodeId}:${e.port}`);
  const outcomesOf = (events: CallEvent[]) =>
    events.filter((e) => e.type === 'input.outcome').map((e) => (e.data as { outcome: string }).outcome);

  test("a menu's second attempt: the no-input prompt and the menu play, then the key is taken", async () => {
    const placed = await call('secondAttempt');
    // The first attempt times out; the second attempt's input is running when the key arrives.
    await nthExecute(placed.channel, 'play_and_get_digits', 2);
    await keys(placed.caller, '2');
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBe('hangup@two');
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endReason: 'hangup', endNode: 'two' });
      expect(portsOf(events)).toEqual(['start:next', 'menu:2']);
      expect(outcomesOf(events)).toEqual(['noInput', 'accepted']);
    });
  });

  test('noInput after the last attempt', async () => {
    const placed = await call('noInput');
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBe('hangup@nothing');
    expect(executes(placed.channel, 'play_and_get_digits')).toHaveLength(2);
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endReason: 'hangup', endNode: 'nothing' });
      expect(portsOf(events)).toEqual(['start:next', 'menu:noInput']);
      expect(outcomesOf(events)).toEqual(['noInput', 'noInput']);
    });
  });

  test('invalid after the last attempt: a wrong key in each of the two attempts', async () => {
    const placed = await call('invalid');
    await nthExecute(placed.channel, 'play_and_get_digits', 1);
    await keys(placed.caller, '9');
    await nthExecute(placed.channel, 'play_and_get_digits', 2);
    await keys(placed.caller, '9');
    expect((await hungUp(placed.channel)).variable_callflow_end).toBe('hangup@nothing');
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endReason: 'hangup', endNode: 'nothing' });
      expect(portsOf(events)).toEqual(['start:next', 'menu:invalid']);
      expect(outcomesOf(events)).toEqual(['invalid', 'invalid']);
    });
  });

  test('a survey: intro and question, an answer out of range retried, then both answers taken and the thanks played', async () => {
    const placed = await call('survey');
    await nthExecute(placed.channel, 'play_and_get_digits', 1);
    await keys(placed.caller, '7');
    await nthExecute(placed.channel, 'play_and_get_digits', 2);
    await keys(placed.caller, '4');
    await nthExecute(placed.channel, 'play_and_get_digits', 3);
    await keys(placed.caller, '1');
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBe('hangup@bye');
    // The intro before the first question and the invalid prompt before the retry were spoken, each in full.
    const spoken = control.events
      .filter((e) => isExecute(placed.channel, 'speak')(e))
      .map((e) => e['Application-Data'] ?? '');
    expect(spoken).toContainEqual(expect.stringMatching(/Two quick questions\.$/));
    expect(spoken).toContainEqual(expect.stringMatching(/That is not a choice\.$/));
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endReason: 'hangup', endNode: 'bye' });
      expect(portsOf(events)).toEqual(['start:next', 'survey:done']);
      expect(
        events
          .filter((e) => e.type === 'input.outcome')
          .map((e) => [(e.data as { outcome: string }).outcome, (e.data as { value?: string }).value]),
      ).toEqual([
        ['invalid', '7'],
        ['accepted', '4'],
        ['accepted', '1'],
      ]);
    });
  });

  test("a sensitive collect: the card number is nowhere in FreeSWITCH's CDR variables (digits_dialed) or the events", async () => {
    const placed = await call('card');
    await nthExecute(placed.channel, 'play_and_get_digits', 1);
    await keys(placed.caller, '4532015112830366#');
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBe('hangup@thanks');
    expect(cdr.variable_digits_dialed ?? 'none').toBe('none');
    expect(Object.values(cdr).join('\n')).not.toContain('4532015112830366');
    // The call recording is masked around the collect, and it is a file with audio in CALLFLOW_RECORDINGS_DIR.
    const whole = path.join(recordings, `${placed.channel}.wav`);
    const apps = control.events
      .filter((e) => e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Unique-ID'] === placed.channel)
      .map((e) => `${e.Application} ${e['Application-Data'] ?? ''}`);
    const at = (line: string) => apps.findIndex((app) => app.startsWith(line));
    expect(at(`record_session ${whole}`)).toBeGreaterThan(-1);
    expect(at(`record_session_mask ${whole}`)).toBeGreaterThan(at(`record_session ${whole}`));
    expect(at('play_and_get_digits')).toBeGreaterThan(at(`record_session_mask ${whole}`));
    expect(at(`record_session_unmask ${whole}`)).toBeGreaterThan(at('play_and_get_digits'));
    expect((await stat(whole)).size).toBeGreaterThan(44);
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endReason: 'hangup', endNode: 'thanks' });
      expect(JSON.stringify(events)).not.toContain('4532015112830366');
    });
  });

  test('transfer to a number: bridged with the number dial string, answered, the call ends transferred', async () => {
    const placed = await call('transferNumber');
    const bridge = await nthExecute(placed.channel, 'bridge', 1);
    expect(bridge['Application-Data']).toContain('loopback/9196/default');
    await control.waitFor(
      (e) => e['Event-Name'] === 'CHANNEL_BRIDGE' && e['Unique-ID'] === placed.channel,
      'the bridge to be answered',
    );
    // The caller hangs up during the conversation.
    await control.api(`uuid_kill ${placed.caller}`);
    await expectRow(placed, (row) => expect(row).toMatchObject({ endReason: 'transferred', endNode: 't' }));
  });

  test('transfer to a SIP URI: the URI is kept in the SIP dial string', async () => {
    const placed = await call('transferSip');
    const bridge = await nthExecute(placed.channel, 'bridge', 1);
    expect(bridge['Application-Data']).toContain('sofia/external/sip:sales@pbx.example.com');
    // No such PBX from here: the flow goes on by a failure port, the caller is not hung up by it.
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBe('hangup@gone');
    await expectRow(placed, (row) => expect(row).toMatchObject({ endReason: 'hangup', endNode: 'gone' }));
  });

  test('a caller hangup during a prompt ends the call callerHangup at that node', async () => {
    const placed = await call('hangupPrompt');
    // Hung up while FreeSWITCH says it is running the prompt (no sleep: the event is the moment). The socket leg is
    // hung up, as a SIP caller's BYE does: killing the loopback A leg instead breaks the prompt, and the socket leg
    // runs on into the dialplan before its own hangup, so the runtime may see the prompt complete first.
    await nthExecute(placed.channel, 'speak', 1);
    await control.api(`uuid_kill ${placed.channel}`);
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBeUndefined();
    await expectRow(placed, (row) => expect(row).toMatchObject({ endReason: 'callerHangup', endNode: 'long' }));
  });

  /** The CHANNEL_EXECUTE_COMPLETE of the socket leg's first `app` and how long FreeSWITCH ran it (Event-Date-Timestamp, µs). */
  async function executed(channel: string, app: string) {
    const done = await control.waitFor(
      (e) => e['Event-Name'] === 'CHANNEL_EXECUTE_COMPLETE' && e['Unique-ID'] === channel && e.Application === app,
      `${app} complete`,
      60_000,
    );
    const start = control.events.find(
      (e) =>
        e['Event-Name'] === 'CHANNEL_EXECUTE' &&
        e['Unique-ID'] === channel &&
        e['Application-UUID'] === done['Application-UUID'],
    )!;
    return { done, seconds: (Number(done['Event-Date-Timestamp']) - Number(start['Event-Date-Timestamp'])) / 1e6 };
  }

  test('a zh-CN recording uploaded to the prompt library plays from the sounds directory, no copying', async () => {
    const file = path.join(sounds, 'zh-CN', `fs-greeting-${tag}.wav`);
    expect(existsSync(file)).toBe(true);
    const placed = await call('library');
    const { done, seconds } = await executed(placed.channel, 'playback');
    expect(done['Application-Data']).toBe(file);
    expect(done['Application-Response']).toBe('FILE PLAYED');
    expect(seconds).toBeGreaterThan(1);
    expect((await hungUp(placed.channel)).variable_callflow_end).toBe('hangup@bye');
    await expectRow(placed, (row) => expect(row).toMatchObject({ endReason: 'hangup', endNode: 'bye' }));
  });

  test('zh-CN text is spoken (espeak-ng Mandarin through mod_tts_commandline), not skipped in milliseconds', async () => {
    const placed = await call('ttsZh');
    const { done, seconds } = await executed(placed.channel, 'speak');
    expect(done['Application-Data']).toMatch(/^tts_commandline\|cmn-latn-pinyin\|/);
    expect(seconds).toBeGreaterThan(0.5);
    expect((await hungUp(placed.channel)).variable_callflow_end).toBe('hangup@bye');
    await expectRow(placed, (row) => expect(row).toMatchObject({ endReason: 'hangup', endNode: 'bye' }));
  });

  test('a queue caller hears the default hold music: it opens and plays, where local_stream://moh was FILE NOT FOUND at once', async () => {
    const placed = await call('hold');
    const hold = await control.waitFor(
      (e) => isExecute(placed.channel, 'playback')(e) && (e['Application-Data'] ?? '').startsWith('tone_stream://'),
      'the hold music',
    );
    // A source FreeSWITCH cannot open completes FILE NOT FOUND as it starts, before this hangup can reach it.
    await control.api(`uuid_kill ${placed.caller}`);
    const done = await control.waitFor(
      (e) => e['Event-Name'] === 'CHANNEL_EXECUTE_COMPLETE' && e['Application-UUID'] === hold['Application-UUID'],
      'the end of the hold music',
    );
    expect(done['Application-Response']).not.toBe('FILE NOT FOUND');
    await expectRow(placed, (row) => expect(row).toMatchObject({ endReason: 'callerHangup', endNode: 'q' }));
  });

  test.each([
    ['en-US', 'sayEn', 'en'],
    ['zh-CN', 'sayZh', 'zh'],
  ])(
    'say-as in %s: a number, digits, money and a date are each heard (mod_say with its sounds, zh money in yuan by TTS), the date as written',
    async (language, scenario, module) => {
      const placed = await call(scenario);
      expect((await hungUp(placed.channel)).variable_callflow_end).toBe('hangup@bye');
      const completes = control.events.filter(
        (e) =>
          e['Event-Name'] === 'CHANNEL_EXECUTE_COMPLETE' &&
          e['Unique-ID'] === placed.channel &&
          (e.Application === 'say' || e.Application === 'speak'),
      );
      expect(completes.map((e) => `${e.Application} ${e['Application-Data']}`)).toEqual([
        `say ${module} number pronounced 42`,
        `say ${module} number iterated 2026`,
        // `say zh currency` reads US dollars (mod_say_zh's zh_say_money): zh money is spoken in yuan instead.
        language === 'zh-CN'
          ? expect.stringMatching(/^speak tts_commandline\|cmn-latn-pinyin\|十二元五角$/)
          : `say ${module} currency pronounced 12.50`,
        // Noon UTC of 2026-12-10 in epoch seconds, read with the channel's timezone set to UTC.
        `say ${module} current_date pronounced 1796904000`,
      ]);
      // Without its sound files (or, for zh, its language) mod_say completes at once having played nothing.
      for (const done of completes) {
        const start = control.events.find(
          (e) => e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Application-UUID'] === done['Application-UUID'],
        )!;
        expect(
          (Number(done['Event-Date-Timestamp']) - Number(start['Event-Date-Timestamp'])) / 1e6,
          done['Application-Data'],
        ).toBeGreaterThan(0.3);
      }
      await expectRow(placed, (row) => expect(row).toMatchObject({ endReason: 'hangup', endNode: 'bye' }));
    },
  );

  /** Callback rows of a call: now on PostgreSQL, deferred on the embedded database like the call rows. */
  async function expectCallback(
    placed: Placed,
    check: (rows: (typeof callbackRequests.$inferSelect)[]) => void,
  ): Promise<void> {
    const run = async (db: DatabaseHandle) =>
      check(await db.db.select().from(callbackRequests).where(eq(callbackRequests.channelUuid, placed.channel)));
    if (hosting.sharedWhileRunning) await run(await hosting.open());
    else deferred.push({ what: `${placed.scenario} callback`, check: run });
  }

  test('a queue answered by an agent on loopback: the agent leg (echo test) answers, the bridge is up, the caller ends it', async () => {
    const placed = await call('queueAnswered');
    const bridge = await nthExecute(placed.channel, 'bridge', 1);
    expect(bridge['Application-Data']).toContain('loopback/9196/default');
    await control.waitFor(
      (e) => e['Event-Name'] === 'CHANNEL_BRIDGE' && e['Unique-ID'] === placed.channel,
      'the agent leg to answer',
    );
    await control.api(`uuid_kill ${placed.caller}`);
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endNode: 'q' });
      expect(portsOf(events)).toEqual(['start:next', 'q:answered']);
    });
  });

  test('a queue with nobody free leaves by overflow after its maximum wait, the hold music cut for the overflow prompt', async () => {
    const placed = await call('queueOverflow');
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBe('hangup@over');
    const spoken = executes(placed.channel, 'speak').map((e) => e['Application-Data'] ?? '');
    expect(spoken).toContainEqual(expect.stringMatching(/Everyone is still busy\.$/));
    expect(executes(placed.channel, 'playback').map((e) => e['Application-Data'] ?? '')).toContainEqual(
      expect.stringMatching(/^tone_stream:\/\//),
    );
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endReason: 'hangup', endNode: 'over' });
      expect(portsOf(events)).toEqual(['start:next', 'q:overflow']);
    });
  });

  test('the callback offer: the caller presses its key, the callback node stores a request row for the caller', async () => {
    const placed = await call('queueCallback');
    await nthExecute(placed.channel, 'play_and_get_digits', 1);
    await keys(placed.caller, '1');
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBe('hangup@booked');
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endReason: 'hangup', endNode: 'booked' });
      expect(portsOf(events)).toEqual(['start:next', 'q:callback', 'cb:scheduled']);
    });
    await expectCallback(placed, (rows) =>
      expect(rows).toMatchObject([
        { number: '1001', skillGroupKey: `fs-hold-${tag}`, when: 'asap', node: 'cb', status: 'pending' },
      ]),
    );
  });

  test('record: the caller speaks (a tone) after the beep, the file lands in CALLFLOW_RECORDINGS_DIR with audio, the flow leaves by recorded', async () => {
    const tone = path.join(recordings, 'caller-tone.wav');
    await writeFile(tone, toneWav(2));
    const placed = await call('record');
    const record = await nthExecute(placed.channel, 'record', 1);
    const file = path.join(recordings, `${placed.channel}-vm.wav`);
    expect(record['Application-Data']?.slice(0, file.length)).toBe(file);
    // The caller's leg plays the tone into the call; two seconds of silence after it end the recording.
    await control.api(`uuid_broadcast ${placed.caller} ${tone} aleg`);
    const done = await control.waitFor(
      (e) => e['Event-Name'] === 'CHANNEL_EXECUTE_COMPLETE' && e['Application-UUID'] === record['Application-UUID'],
      'the end of the recording',
    );
    expect(Number(done.variable_record_seconds)).toBeGreaterThan(0);
    expect((await stat(file)).size).toBeGreaterThan(44);
    expect((await hungUp(placed.channel)).variable_callflow_end).toBe('hangup@done');
    const saved = `Your message is saved as ${file}.`;
    expect(executes(placed.channel, 'speak').map((e) => (e['Application-Data'] ?? '').slice(-saved.length))).toContain(
      saved,
    );
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endReason: 'hangup', endNode: 'done' });
      expect(portsOf(events)).toEqual(['start:next', 'vm:recorded']);
    });
  });

  test('a caller hangup while a collect waits for keys ends the call callerHangup at the collect', async () => {
    const placed = await call('hangupCollect');
    await nthExecute(placed.channel, 'play_and_get_digits', 1);
    await keys(placed.caller, '12');
    await control.api(`uuid_kill ${placed.channel}`);
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBeUndefined();
    await expectRow(placed, (row, events) => {
      expect(row).toMatchObject({ endReason: 'callerHangup', endNode: 'account' });
      expect(portsOf(events)).toEqual(['start:next']);
    });
  });

  test("a caller hangup while a transfer's far end rings ends the call callerHangup at the transfer", async () => {
    const placed = await call('hangupRinging');
    const bridge = await nthExecute(placed.channel, 'bridge', 1);
    expect(bridge['Application-Data']).toContain('loopback/9180/default');
    // The far end's ring_ready: it is ringing, not answered.
    const from = control.events.indexOf(bridge);
    await control.waitFor(
      (e) =>
        control.events.indexOf(e) > from &&
        e['Event-Name'] === 'CHANNEL_EXECUTE' &&
        e.Application === 'ring_ready' &&
        e['Caller-Destination-Number'] === '9180',
      'the far end to ring',
    );
    await control.api(`uuid_kill ${placed.channel}`);
    const cdr = await hungUp(placed.channel);
    expect(cdr.variable_callflow_end).toBeUndefined();
    expect(
      control.events.filter((e) => e['Event-Name'] === 'CHANNEL_BRIDGE' && e['Unique-ID'] === placed.channel),
    ).toEqual([]);
    await expectRow(placed, (row) => expect(row).toMatchObject({ endReason: 'callerHangup', endNode: 't' }));
  });

  /** What FreeSWITCH ran on the socket leg after the runtime let go of it: from the dialplan's transfer on. */
  function afterHandOff(channel: string): string[] {
    const apps = control.events
      .filter((e) => e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Unique-ID'] === channel)
      .map((e) => `${e.Application} ${e['Application-Data'] ?? ''}`);
    return apps.slice(apps.findIndex((app) => app.startsWith('transfer fallback XML callflow')));
  }

  test('kill -9 of the runtime mid-call: the dialplan sends the caller straight to the fallback, the restarted runtime closes the row', async () => {
    const placed = await call('crash');
    await nthExecute(placed.channel, 'speak', 2);
    // A row the dead runtime never wrote could not be closed by anyone (its events were in memory, not spooled).
    if (hosting.sharedWhileRunning) {
      const handle = await hosting.open();
      await eventually(
        async () => (await handle.db.select().from(calls).where(eq(calls.channelUuid, placed.channel)))[0],
        'the open call row',
      );
    }
    hosted.child.kill('SIGKILL');
    await hosted.exited;
    const cdr = await hungUp(placed.channel);
    expect(cdr['Hangup-Cause']).toBe('NORMAL_TEMPORARY_FAILURE');
    // No apology first: the fallback extension's bridge to the operators is the next thing the caller gets.
    const after = afterHandOff(placed.channel);
    expect(after[0]).toMatch(/^transfer fallback XML callflow/);
    expect(after[1]).toMatch(/^set continue_on_fail=true/);
    expect(after.slice(0, 4)).toContainEqual(expect.stringMatching(/^bridge user\/1000@/));
    expect(
      after
        .slice(
          0,
          after.findIndex((app) => app.startsWith('bridge ')),
        )
        .filter((app) => app.startsWith('speak') || app.startsWith('playback')),
    ).toEqual([]);
    // Restarted with a short maximum call duration, its reaper closes the dead runtime's row (once older than it + 60 s).
    hosted = await hosting.start({ ...processEnv, CALLFLOW_MAX_CALL_SECONDS: '5' });
    await hosted.printed('reaper: closed', 240_000);
    await expectRow(
      placed,
      (row) =>
        expect(row).toMatchObject({ endReason: 'error', endDetail: expect.stringContaining('closed by the reaper') }),
      30_000,
    );
  }, 600_000);

  // Last: it stops the process.
  test('SIGTERM drain: the call goes on in the fallback extension, nothing is sent after the transfer, the row ends transferred', async () => {
    const placed = await call('drain');
    await nthExecute(placed.channel, 'speak', 1);
    hosted.child.kill('SIGTERM');
    // The sample dialplan's fallback runs: its bridge to the operators (nobody registered here), its apology, its hangup.
    const cdr = await hungUp(placed.channel);
    expect(cdr['Hangup-Cause']).toBe('NORMAL_TEMPORARY_FAILURE');
    const after = afterHandOff(placed.channel);
    expect(after.length).toBeGreaterThan(0);
    expect(after).toContainEqual(expect.stringMatching(/^bridge user\/1000@/));
    expect(after.filter((app) => app.startsWith('multiset') || app.startsWith('hangup NORMAL_CLEARING'))).toEqual([]);
    expect(await hosted.exited).toBe(0);
    await expectRow(placed, (row) => expect(row).toMatchObject({ endReason: 'transferred', endNode: 'long' }));
  }, 180_000);

  test('the call rows and events of every call above, read from the database once the process has stopped', async () => {
    const handle = await hosting.open();
    try {
      const failures: string[] = [];
      for (const { what, check } of deferred) {
        await check(handle).catch((error: Error) => failures.push(`${what}: ${error.message}`));
      }
      expect(failures).toEqual([]);
      if (!hosting.sharedWhileRunning) expect(deferred.length).toBeGreaterThan(0);
      const open = await handle.db
        .select()
        .from(calls)
        .where(and(eq(calls.number, numberOf('drain'))));
      expect(open.filter((row) => row.endReason === null)).toEqual([]);
    } finally {
      await hosting.release(handle);
    }
  });
});
