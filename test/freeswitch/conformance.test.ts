// The conformance suite against a real FreeSWITCH (`npm run test:freeswitch`, issue 14): flows published through the
// API, lines bound, loopback calls placed, keys pressed and callers hung up over FreeSWITCH's event socket, and the
// outcome read from the call events in the database and from FreeSWITCH's own channel variables.
//
// Needs CALLFLOW_TEST_FREESWITCH=host:port:password and a FreeSWITCH whose `callflow` context hands calls to
// CALLFLOW_TEST_RUNTIME_LISTEN (default 127.0.0.1:8084, the sample dialplan's `socket`). run.ts prints one line and
// runs nothing without it (vitest.config.ts includes this project's files only when it is set).

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FlowDocument } from '../../flow-engine/document';
import { callEvents, calls } from '../../schemas/db';
import { storePromptAudio } from '../../app/_server/audio/prompt-audio-store';
import { callerAs, seedUser } from '../app/helpers/callers';
import { insertFlow } from '../app/helpers/seed-flows';
import { testBackends, type TestDatabase } from '../app/helpers/test-database';
import { flow, node, tts } from '../flow-engine/support/build-flow';
import { addSkillGroup, eventually, startTestRuntime, type TestRuntime } from '../runtime/helpers/runtime-harness';
import { toneWav } from '../runtime/helpers/test-wav';
import { FsControl, freeswitchAddress, type FsEvent } from './fs-control';

const address = freeswitchAddress(process.env.CALLFLOW_TEST_FREESWITCH ?? '');
const listen = process.env.CALLFLOW_TEST_RUNTIME_LISTEN ?? '127.0.0.1:8084';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testBackends)('a real FreeSWITCH with the runtime on $name', (backend) => {
  let database: TestDatabase;
  let harness: TestRuntime;
  let control: FsControl;
  /** The runtime writes the prompt library here; FreeSWITCH (same machine) plays from it. */
  let sounds: string;
  let nextNumber = 4008009000 + (backend.name === 'pglite' ? 0 : 500);

  beforeAll(async () => {
    database = await backend.open();
    sounds = await mkdtemp(path.join(tmpdir(), 'callflow-fs-sounds-'));
    harness = await startTestRuntime(database.handle, {
      CALLFLOW_RUNTIME_LISTEN: listen,
      CALLFLOW_SOUNDS_DIR: sounds,
      // A number rings FreeSWITCH's own echo test through loopback; a SIP URI goes out through the external profile.
      CALLFLOW_TRANSFER_DIAL_STRING: 'loopback/{number}/default',
      CALLFLOW_TRANSFER_SIP_DIAL_STRING: 'sofia/external/{uri}',
      // The last test stops this runtime during a call: one second before the hand-off to the fallback extension.
      CALLFLOW_DRAIN_SECONDS: '1',
    });
    control = await FsControl.connect(address);
    await control.subscribe('CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE CHANNEL_BRIDGE CHANNEL_HANGUP_COMPLETE');
  }, 120_000);

  afterAll(async () => {
    control?.close();
    await harness?.stop();
    await database?.close();
    if (sounds) await rm(sounds, { recursive: true, force: true });
  });

  /** Publishes the flow through the API (validated as the studio would) and binds a fresh number to it. */
  async function line(document: FlowDocument): Promise<string> {
    const designer = await callerAs(database.db, 'designer');
    const admin = await callerAs(database.db, 'admin');
    const flowId = await insertFlow(database.db, { ...document, id: `${document.id}-${randomUUID().slice(0, 8)}` });
    await designer.caller.versions.publish({ flowId, note: 'conformance' });
    const number = String(++nextNumber);
    await admin.caller.lines.create({ number, flowId });
    return number;
  }

  /** Places a loopback call into the callflow context; returns the parked caller leg (A) and, once known, the socket leg. */
  async function call(number: string) {
    const caller = randomUUID();
    const reply = await control.api(`originate {origination_uuid=${caller},origination_caller_id_number=1001}loopback/${number}/callflow &park()`);
    expect(reply).toMatch(/^\+OK/);
    const row = await eventually(async () => (await database.db.select().from(calls).where(eq(calls.number, number)).orderBy(desc(calls.startedAt)))[0], `the call to ${number}`);
    return { caller, channel: row.channelUuid, id: row.id };
  }

  const ended = (callId: string) =>
    eventually(async () => {
      const [row] = await database.db.select().from(calls).where(eq(calls.id, callId));
      return row?.endReason ? row : undefined;
    }, 'the end of the call', 60_000);
  const events = (callId: string) => database.db.select().from(callEvents).where(eq(callEvents.callId, callId)).orderBy(asc(callEvents.seq));
  const ports = async (callId: string) => (await events(callId)).filter((e) => e.type === 'port.taken').map((e) => `${e.nodeId}:${e.port}`);
  const hungUp = (channel: string) => control.waitFor((e) => e['Event-Name'] === 'CHANNEL_HANGUP_COMPLETE' && e['Unique-ID'] === channel, 'CHANNEL_HANGUP_COMPLETE of the socket leg', 60_000);
  const keys = (caller: string, digits: string) => control.api(`uuid_send_dtmf ${caller} ${digits}`);
  const inputOutcome = (callId: string, outcome: string) =>
    eventually(async () => (await database.db.select().from(callEvents).where(and(eq(callEvents.callId, callId), eq(callEvents.type, 'input.outcome')))).find((e) => (e.data as { outcome?: string }).outcome === outcome), `input outcome ${outcome}`, 60_000);

  const menuFlow = (id: string) =>
    flow(
      [
        node('menu', 'menu', { prompt: tts('Press 1 or 2.'), options: [{ key: '1' }, { key: '2' }], noInputPrompt: tts('Sorry, I did not hear you.'), maxAttempts: 2, timeoutSeconds: 2 }),
        node('one', 'hangup', { prompt: tts('One.') }),
        node('two', 'hangup', { prompt: tts('Two.') }),
        node('nothing', 'hangup', { prompt: tts('Goodbye.') }),
      ],
      ['start:next->menu', 'menu:1->one', 'menu:2->two', 'menu:noInput->nothing', 'menu:invalid->nothing'],
      { id },
    );

  test("a menu's second attempt: the no-input prompt and the menu play, then the key is taken", async () => {
    const { caller, id } = await call(await line(menuFlow('fs-second-attempt')));
    await inputOutcome(id, 'noInput');
    // During the second attempt's prompts: the key stops the no-input prompt or is read by play_and_get_digits.
    await sleep(800);
    await keys(caller, '2');
    expect(await ended(id)).toMatchObject({ endReason: 'hangup', endNode: 'two' });
    expect(await ports(id)).toEqual(['start:next', 'menu:2']);
  }, 90_000);

  test('noInput after the last attempt', async () => {
    const { id } = await call(await line(menuFlow('fs-no-input')));
    expect(await ended(id)).toMatchObject({ endReason: 'hangup', endNode: 'nothing' });
    expect(await ports(id)).toEqual(['start:next', 'menu:noInput']);
    expect((await events(id)).filter((e) => e.type === 'input.outcome').map((e) => (e.data as { outcome: string }).outcome)).toEqual(['noInput', 'noInput']);
  }, 90_000);

  test("a sensitive collect: the card number is nowhere in FreeSWITCH's CDR variables (digits_dialed) or the events", async () => {
    const document = flow(
      [
        node('card', 'collect', { prompt: tts('Enter your card number, then the hash key.'), variable: 'card', sensitive: true, minDigits: 16, maxDigits: 16, timeoutSeconds: 10 }),
        node('thanks', 'hangup', { prompt: tts('Thank you.') }),
        node('bad', 'hangup'),
      ],
      ['start:next->card', 'card:ok->thanks', 'card:invalid->bad', 'card:noInput->bad'],
      { id: 'fs-card', variables: [{ name: 'card', type: 'string', sensitive: true }] },
    );
    const { caller, channel, id } = await call(await line(document));
    await sleep(1500);
    await keys(caller, '4532015112830366#');
    expect(await ended(id)).toMatchObject({ endReason: 'hangup', endNode: 'thanks' });
    const cdr = await hungUp(channel);
    expect(cdr.variable_digits_dialed ?? 'none').toBe('none');
    expect(Object.values(cdr).join('\n')).not.toContain('4532015112830366');
    expect(JSON.stringify(await events(id))).not.toContain('4532015112830366');
  }, 90_000);

  async function transferCall(to: string, waitForBridge: boolean) {
    const document = flow(
      [node('t', 'transfer', { to, timeoutSeconds: 10 }), node('gone', 'hangup', { prompt: tts('The transfer failed.') })],
      ['start:next->t', 't:busy->gone', 't:noAnswer->gone', 't:failed->gone'],
      { id: 'fs-transfer' },
    );
    const placed = await call(await line(document));
    const bridge = await control.waitFor((e) => e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Unique-ID'] === placed.channel && e.Application === 'bridge', 'the bridge application');
    if (waitForBridge) {
      await control.waitFor((e) => e['Event-Name'] === 'CHANNEL_BRIDGE' && e['Unique-ID'] === placed.channel, 'the bridge to be answered');
      // The caller hangs up during the conversation.
      await control.api(`uuid_kill ${placed.caller}`);
    }
    return { ...placed, bridge: bridge as FsEvent };
  }

  test('transfer to a number: bridged with the number dial string, answered, the call ends transferred', async () => {
    const { bridge, id } = await transferCall('9196', true);
    expect(bridge['Application-Data']).toContain('loopback/9196/default');
    expect(await ended(id)).toMatchObject({ endReason: 'transferred', endNode: 't' });
  }, 90_000);

  test('transfer to a SIP URI: the URI is kept in the SIP dial string', async () => {
    const { bridge, id } = await transferCall('sip:sales@pbx.example.com', false);
    expect(bridge['Application-Data']).toContain('sofia/external/sip:sales@pbx.example.com');
    // No such PBX from here: the flow goes on by a failure port, the caller is not hung up by it.
    const row = await ended(id);
    expect(row).toMatchObject({ endReason: 'hangup', endNode: 'gone' });
  }, 90_000);

  test('a caller hangup during a prompt ends the call callerHangup at that node', async () => {
    const document = flow(
      [node('long', 'play', { prompt: tts('This is a long announcement that goes on and on so that the caller has time to hang up while it plays.') }), node('bye', 'hangup')],
      ['start:next->long', 'long:next->bye'],
      { id: 'fs-hangup' },
    );
    const { caller, channel, id } = await call(await line(document));
    await control.waitFor((e) => e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Unique-ID'] === channel && e.Application === 'speak', 'the prompt');
    await sleep(500);
    await control.api(`uuid_kill ${caller}`);
    expect(await ended(id)).toMatchObject({ endReason: 'callerHangup', endNode: 'long' });
  }, 90_000);

  /** The CHANNEL_EXECUTE_COMPLETE of the socket leg's first `app` and how long FreeSWITCH ran it (Event-Date-Timestamp, µs). */
  async function executed(channel: string, app: string) {
    const done = await control.waitFor((e) => e['Event-Name'] === 'CHANNEL_EXECUTE_COMPLETE' && e['Unique-ID'] === channel && e.Application === app, `${app} complete`, 60_000);
    const start = control.events.find((e) => e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Unique-ID'] === channel && e['Application-UUID'] === done['Application-UUID'])!;
    return { done, seconds: (Number(done['Event-Date-Timestamp']) - Number(start['Event-Date-Timestamp'])) / 1e6 };
  }

  test('a zh-CN recording uploaded to the prompt library plays from the sounds directory, no copying', async () => {
    const actor = await seedUser(database.db, 'admin');
    const key = `fs-greeting-${backend.name}`;
    await storePromptAudio(database.db, actor, { key, language: 'zh-CN', fileName: 'greeting.wav', bytes: toneWav(1.5), info: { format: 'wav', durationMs: 1500, sampleRate: 8000, channels: 1, codec: 'PCM 16-bit' } });
    const document = flow([node('hello', 'play', { prompt: { audio: { 'zh-CN': key } } }), node('bye', 'hangup')], ['start:next->hello', 'hello:next->bye'], { id: 'fs-library', languages: ['zh-CN'] });
    const number = await line(document);
    await eventually(async () => (await import('node:fs')).existsSync(path.join(sounds, 'zh-CN', `${key}.wav`)), 'the recording in the sounds directory');
    const { channel, id } = await call(number);
    const { done, seconds } = await executed(channel, 'playback');
    expect(done['Application-Data']).toBe(path.join(sounds, 'zh-CN', `${key}.wav`));
    expect(done['Application-Response']).toBe('FILE PLAYED');
    expect(seconds).toBeGreaterThan(1);
    expect(await ended(id)).toMatchObject({ endReason: 'hangup', endNode: 'bye' });
  }, 90_000);

  test('zh-CN text is spoken (espeak-ng Mandarin through mod_tts_commandline), not skipped in milliseconds', async () => {
    const document = flow([node('hello', 'play', { prompt: tts('您好，欢迎致电客服中心，请稍候。', 'zh-CN') }), node('bye', 'hangup')], ['start:next->hello', 'hello:next->bye'], { id: 'fs-tts-zh', languages: ['zh-CN'] });
    const { channel, id } = await call(await line(document));
    const { done, seconds } = await executed(channel, 'speak');
    expect(done['Application-Data']).toMatch(/^tts_commandline\|cmn\|/);
    expect(seconds).toBeGreaterThan(0.5);
    expect(await ended(id)).toMatchObject({ endReason: 'hangup', endNode: 'bye' });
  }, 90_000);

  test('a queue caller hears the default hold music: it plays instead of failing as local_stream://moh did', async () => {
    await addSkillGroup(database.db, `fs-hold-${backend.name}`, 1, 'busy');
    const document = flow(
      [node('q', 'queue', { skillGroup: { ref: `fs-hold-${backend.name}` }, maxWaitSeconds: 3600, announcePosition: false, announceWaitTime: false }), node('x', 'hangup')],
      ['start:next->q', 'q:overflow->x', 'q:noAgents->x', 'q:callback->x'],
      { id: 'fs-hold' },
    );
    const { caller, channel, id } = await call(await line(document));
    await control.waitFor((e) => e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Unique-ID'] === channel && e.Application === 'playback' && (e['Application-Data'] ?? '').startsWith('tone_stream://'), 'the hold music');
    await sleep(2000);
    const failed = control.events.filter((e) => e['Event-Name'] === 'CHANNEL_EXECUTE_COMPLETE' && e['Unique-ID'] === channel && e['Application-Response'] === 'FILE NOT FOUND');
    expect(failed).toEqual([]);
    await control.api(`uuid_kill ${caller}`);
    expect(await ended(id)).toMatchObject({ endReason: 'callerHangup', endNode: 'q' });
  }, 90_000);

  // Last: it stops the runtime.
  test('SIGTERM drain: the call goes on in the fallback extension, nothing is sent after the transfer, the row ends transferred', async () => {
    const document = flow(
      [node('long', 'play', { prompt: tts('This announcement is long enough to still be playing when the runtime is stopped and hands the call over.') }), node('bye', 'hangup')],
      ['start:next->long', 'long:next->bye'],
      { id: 'fs-drain' },
    );
    const { channel, id } = await call(await line(document));
    await control.waitFor((e) => e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Unique-ID'] === channel && e.Application === 'speak', 'the prompt');
    await harness.stop();
    expect(await ended(id)).toMatchObject({ endReason: 'transferred', endNode: 'long' });
    // The sample dialplan's fallback runs: its bridge to the operators (nobody registered here), its apology, its hangup.
    const cdr = await hungUp(channel);
    expect(cdr['Hangup-Cause']).toBe('NORMAL_TEMPORARY_FAILURE');
    const executed = control.events.filter((e) => e['Event-Name'] === 'CHANNEL_EXECUTE' && e['Unique-ID'] === channel).map((e) => `${e.Application} ${e['Application-Data'] ?? ''}`);
    const after = executed.slice(executed.findIndex((app) => app.startsWith('transfer ')) + 1);
    expect(executed.some((app) => app.startsWith('transfer fallback XML callflow'))).toBe(true);
    expect(after.some((app) => app.startsWith('bridge user/1000@'))).toBe(true);
    expect(after.filter((app) => app.startsWith('multiset') || app.startsWith('hangup NORMAL_CLEARING'))).toEqual([]);
  }, 120_000);
});
