// What the caller hears (issue 14 point 4) on the ESL simulator: prompt library recordings per key and language reach
// FreeSWITCH's sounds directory with no copying, Chinese text has a voice, and the hold music plays as installed.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deletePromptAudio, storePromptAudio } from '../../../app/_server/audio/prompt-audio-store';
import { seedUser } from '../../app/helpers/callers';
import { testBackends, type TestDatabase } from '../../app/helpers/test-database';
import { flow, node, tts } from '../../flow-engine/support/build-flow';
import {
  addLine,
  addSkillGroup,
  eventually,
  publish,
  startTestRuntime,
  type TestRuntime,
} from '../helpers/runtime-harness';
import { toneWav } from '../helpers/test-wav';

describe.each(testBackends)('runtime on $name: what the caller hears', (backend) => {
  let database: TestDatabase;
  let harness: TestRuntime;
  let sounds: string;
  let actor: { id: string };
  let lineNumber = 4008006000;

  const upload = (key: string, language: string, bytes: Uint8Array) =>
    storePromptAudio(database.db, actor, {
      key,
      language,
      fileName: `${key}.wav`,
      bytes,
      info: { format: 'wav', durationMs: 1000, sampleRate: 8000, channels: 1, codec: 'PCM 16-bit' },
    });

  beforeAll(async () => {
    database = await backend.open();
    actor = await seedUser(database.db, 'admin');
    sounds = await mkdtemp(path.join(tmpdir(), 'callflow-sounds-'));
    // Uploaded before the runtime starts: written at start.
    await upload('Welcome', 'zh-CN', toneWav(0.5, 440));
    await upload('welcome', 'en-US', toneWav(0.5, 880));
    harness = await startTestRuntime(database.handle, { CALLFLOW_SOUNDS_DIR: sounds });
  });

  afterAll(async () => {
    await harness?.stop();
    await database?.close();
    if (sounds) await rm(sounds, { recursive: true, force: true });
  });

  async function line(document: ReturnType<typeof flow>): Promise<string> {
    const number = String(++lineNumber);
    await addLine(database.handle, number, (await publish(database.handle, document)).flowId);
    return number;
  }

  const greeting = (id: string, language: string, key: string) =>
    flow(
      [
        node('hello', 'play', { prompt: { audio: { [language]: key } } }),
        node('bye', 'hangup', { prompt: tts('再见', 'zh-CN') }),
      ],
      ['start:next->hello', 'hello:next->bye'],
      {
        id,
        languages: [language],
      },
    );
  const playbacks = (trace: Awaited<ReturnType<TestRuntime['dial']>>) =>
    trace.apps.filter((app) => app.app === 'playback').map((app) => `${app.arg} ${app.response}`);

  test('a recording uploaded before the start plays from <sounds>/<language>/<key>.wav in the call language, whatever the key case', async () => {
    const zh = await harness.dial({
      destination: await line(greeting('audio-zh', 'zh-CN', 'WELCOME')),
      soundsOnDisk: sounds,
    });
    expect(playbacks(zh)).toEqual([`${path.join(sounds, 'zh-CN', 'welcome.wav')} FILE PLAYED`]);
    const en = await harness.dial({
      destination: await line(greeting('audio-en', 'en-US', 'welcome')),
      soundsOnDisk: sounds,
    });
    expect(playbacks(en)).toEqual([`${path.join(sounds, 'en-US', 'welcome.wav')} FILE PLAYED`]);
    // Each language's own recording, byte for byte.
    expect(new Uint8Array(await readFile(path.join(sounds, 'zh-CN', 'welcome.wav')))).toEqual(toneWav(0.5, 440));
    expect(new Uint8Array(await readFile(path.join(sounds, 'en-US', 'welcome.wav')))).toEqual(toneWav(0.5, 880));
  }, 60_000);

  test('an upload, a replacement and a deletion after the start reach the sounds directory (NOTIFY), with no copying', async () => {
    const file = path.join(sounds, 'zh-CN', 'menu-intro.wav');
    const first = await upload('menu-intro', 'zh-CN', toneWav(0.25, 300));
    await eventually(async () => existsSync(file), 'the uploaded recording on disk');
    const trace = await harness.dial({
      destination: await line(greeting('audio-late', 'zh-CN', 'menu-intro')),
      soundsOnDisk: sounds,
    });
    expect(playbacks(trace)).toEqual([`${file} FILE PLAYED`]);
    await upload('menu-intro', 'zh-CN', toneWav(0.25, 600));
    await eventually(
      async () => Buffer.from(await readFile(file)).equals(Buffer.from(toneWav(0.25, 600))),
      'the replacement on disk',
    );
    await deletePromptAudio(database.db, actor, first.id);
    await eventually(async () => !existsSync(file), 'the deleted recording gone from disk');
  }, 60_000);

  test('a key the library lacks in the call language is skipped (not a FILE NOT FOUND) and logged once per key and language', async () => {
    const number = await line(greeting('audio-missing', 'en-US', 'not-uploaded'));
    for (let i = 0; i < 2; i++) {
      const trace = await harness.dial({ destination: number, soundsOnDisk: sounds });
      expect(playbacks(trace)).toEqual([]);
      expect(trace.heard.filter((event) => event.kind === 'play').map((event) => event.text)).toEqual(['再见']);
    }
    expect(harness.logs.filter((log) => log.includes('not-uploaded'))).toHaveLength(1);
  }, 60_000);

  test("a key the library lacks in the call language speaks the part's fallback text in that language's voice, in a play and in a menu, logged once across calls", async () => {
    const missing = {
      audio: { 'zh-CN': 'promo-zh', 'en-US': 'promo-zh' },
      fallbackTts: { 'zh-CN': '本月会员八折', 'en-US': 'Members save twenty percent' },
    };
    const document = flow(
      [
        node('promo', 'play', { prompt: { parts: [{ tts: { 'zh-CN': '您好', 'en-US': 'Hello' } }, missing] } }),
        node('menu', 'menu', { prompt: { ...missing }, options: [{ key: '1' }], maxAttempts: 1 }),
        node('bye', 'hangup'),
      ],
      ['start:next->promo', 'promo:next->menu', 'menu:1->bye', 'menu:noInput->bye', 'menu:invalid->bye'],
      { id: 'audio-fallback', languages: ['zh-CN', 'en-US'] },
    );
    const number = await line(document);
    for (let i = 0; i < 2; i++) {
      const trace = await harness.dial({ destination: number, soundsOnDisk: sounds, inputs: ['1'] });
      // Nothing is played from the missing file (no FILE NOT FOUND), and the menu still takes its key.
      expect(playbacks(trace)).toEqual([]);
      expect(trace.heard.filter((event) => event.kind === 'play')).toEqual([
        { kind: 'play', voice: 'tts_commandline|cmn-latn-pinyin', text: '您好' },
        { kind: 'play', voice: 'tts_commandline|cmn-latn-pinyin', text: '本月会员八折' },
        { kind: 'play', voice: 'tts_commandline|cmn-latn-pinyin', text: '本月会员八折' },
      ]);
      expect(trace.apps.filter((app) => app.app === 'play_and_get_digits')).toHaveLength(1);
      expect(trace.variables.callflow_path?.split(',')).toContain('bye');
    }
    expect(harness.logs.filter((log) => log.includes('"promo-zh"'))).toEqual([
      'prompt recordings: no zh-CN recording "promo-zh" in the prompt library; its fallback text is spoken in the language\'s TTS voice',
    ]);
  }, 60_000);

  test('Chinese text is spoken by a voice that has Chinese (espeak-ng Mandarin through mod_tts_commandline), English by flite', async () => {
    const document = flow(
      [
        node('hello', 'play', { prompt: { tts: { 'zh-CN': '您好，欢迎致电', 'en-US': 'Hello' } } }),
        node('bye', 'hangup'),
      ],
      ['start:next->hello', 'hello:next->bye'],
      {
        id: 'tts-zh',
        languages: ['zh-CN', 'en-US'],
      },
    );
    const trace = await harness.dial({ destination: await line(document) });
    expect(trace.heard.filter((event) => event.kind === 'play')).toEqual([
      { kind: 'play', voice: 'tts_commandline|cmn-latn-pinyin', text: '您好，欢迎致电' },
    ]);
    expect(trace.lines.filter((l) => l.startsWith('heard nothing'))).toEqual([]);
  }, 60_000);

  test('a queue caller hears hold music FreeSWITCH plays as installed (no local_stream source is configured)', async () => {
    await addSkillGroup(database.db, 'hold-busy', 1, 'busy');
    const document = flow(
      [
        node('q', 'queue', {
          skillGroup: { ref: 'hold-busy' },
          maxWaitSeconds: 3600,
          announcePosition: false,
          announceWaitTime: false,
        }),
        node('x', 'hangup'),
      ],
      ['start:next->q', 'q:overflow->x', 'q:noAgents->x', 'q:callback->x'],
      { id: 'hold' },
    );
    const trace = await harness.dial({ destination: await line(document), inputs: [{ hangup: true }] });
    expect(trace.lines.filter((l) => l.startsWith('hold music'))).toEqual([
      expect.stringMatching(/^hold music: tone_stream:\/\//),
    ]);
    expect(harness.logs.filter((log) => log.includes('cannot play the hold music'))).toEqual([]);
  }, 60_000);
});
