// The ESL simulator against recordings of a real FreeSWITCH: the same commands get the same replies, events and notices, in order.

import { describe, expect, test } from 'vitest';
import { startInboundSocket, type CallerScript } from '../../../runtime/esl-simulator';
import { byChannel, outboundFrames, recorded, recordedFrames, replay, replayInbound } from './transcript-replay';

const socket: CallerScript = { destination: 'esl_socket', socketResume: false };
const card = '4532015112830366#';

/** Each recorded outbound connection, with what the caller (the control connection's uuid_send_dtmf / uuid_kill) did. */
const cases: [file: string, connection: string, script: CallerScript, quietMs?: number][] = [
  ['outbound-play-and-get-digits.txt', 'outbound', { ...socket, inputs: ['2#'] }],
  ['outbound-play-and-get-digits-timeout.txt', 'outbound', { ...socket, inputs: [''] }],
  ['outbound-play-and-get-digits-invalid.txt', 'outbound', { ...socket, inputs: ['9#', '12#'] }],
  ['outbound-myevents-json-play-and-get-digits.txt', 'outbound', { ...socket, inputs: ['34#'] }],
  // The unplayable prompts take no keys; each of the three prompts that play gets `1#`.
  ['outbound-play-and-get-digits-file-string-say.txt', 'outbound', { ...socket, inputs: ['1#', '1#', '1#'] }],
  ['outbound-digits-dialed-cdr.txt', 'outbound-1', { ...socket, inputs: [card] }],
  ['outbound-digits-dialed-cdr.txt', 'outbound-2', { ...socket, inputs: [card] }],
  ['outbound-digits-dialed-cdr.txt', 'outbound-3', { ...socket, inputs: [card] }],
  ['outbound-digits-dialed-cdr.txt', 'outbound-4', { ...socket, inputs: [card] }],
  ['outbound-caller-hangup-during-collect.txt', 'outbound', { ...socket, inputs: [{ hangup: true }] }],
  ['outbound-caller-hangup-during-playback.txt', 'outbound', { ...socket, inputs: [{ hangup: true }] }],
  ['outbound-caller-hangup-no-linger.txt', 'outbound', { ...socket, inputs: [{ hangup: true }] }],
  ['outbound-bridge-answered.txt', 'outbound', socket],
  ['outbound-bridge-busy.txt', 'outbound', { ...socket, bridges: ['busy'] }],
  ['outbound-bridge-busy-continue-on-fail.txt', 'outbound', { ...socket, bridges: ['busy'] }],
  ['outbound-bridge-no-answer.txt', 'outbound', { ...socket, bridges: ['noAnswer'] }],
  // The first bridge targets error/user_not_registered, which the simulator refuses by itself.
  ['outbound-bridge-failures.txt', 'outbound', { ...socket, bridges: ['failed'] }],
  ['outbound-connect-answer-playback-hangup.txt', 'outbound', socket],
  ['outbound-linger-hangup.txt', 'outbound', socket],
  // `linger 2`: the final notice comes about 2 s after the hangup.
  ['outbound-linger-timeout.txt', 'outbound', socket, 4000],
  ['outbound-client-close-mid-call.txt', 'outbound', socket],
  ['outbound-client-close-mid-call-linger.txt', 'outbound', socket],
  ['outbound-client-close-resume.txt', 'outbound', socket],
  ['outbound-dtmf-during-playback.txt', 'outbound', { ...socket, duringPrompt: keysInTurn(['1', '#']) }],
  ['outbound-uuid-break.txt', 'outbound', { ...socket, mediaMs: 1000 }],
  ['outbound-set-export-vars.txt', 'outbound', socket],
  ['outbound-record.txt', 'outbound', socket],
  ['outbound-record-session-mask.txt', 'outbound', { ...socket, inputs: ['42#'] }],
  ['outbound-speak-tts.txt', 'outbound', socket],
  [
    'outbound-speak-missing-file-unknown-app.txt',
    'outbound',
    { ...socket, missingFiles: ['$FS_PREFIX/share/freeswitch/sounds/esl/does-not-exist.wav'] },
  ],
  ['outbound-play-and-detect-speech-no-asr.txt', 'outbound', socket],
  // The agent leg originated on the control connection never answers; the caller's socket sees nothing of it.
  ['acd-agent-no-answer.txt', 'outbound', socket],
  // An ACD bridges its agent with uuid_bridge while the caller hears hold music; the agent hangs up first: by default
  // FreeSWITCH hangs the caller up, with park_after_bridge=true the socket keeps the caller.
  ['acd-uuid-bridge-agent.txt', 'outbound-1', { ...socket, agent: { talkMs: 0 } }],
  ['acd-uuid-bridge-agent.txt', 'outbound-2', { ...socket, agent: { talkMs: 0 } }],
  // Supervisors eavesdrop on the agent from the control connection: the caller's socket sees none of it; the runtime
  // hangs up while the caller is still bridged.
  ['eavesdrop-listen-whisper-barge.txt', 'outbound', { ...socket, agent: {} }],
  // mod_callcenter offers the queue's agent: `callcenter` completes once the agent is bridged; the agent hangs up first.
  ['outbound-callcenter.txt', 'outbound', { ...socket, agent: { talkMs: 0 } }],
  ['outbound-modesl-style-two-calls.txt', 'outbound-1', socket],
  ['outbound-modesl-style-two-calls.txt', 'outbound-2', socket],
];

/** A caller who presses these keys during successive prompts. */
function keysInTurn(keys: string[]): CallerScript['duringPrompt'] {
  const left = [...keys];
  return () => (left.length > 0 ? { keys: left.shift() } : undefined);
}

describe('the ESL simulator replays recorded FreeSWITCH sessions', () => {
  test.each(cases)(
    '%s [%s]: the same replies, channel events and notices in the same order',
    async (name, connection, script, quietMs) => {
      const frames = outboundFrames(name, connection);
      const expected = recorded(frames);
      expect(expected.length).toBeGreaterThan(5);
      expect(await replay(frames, script, quietMs)).toEqual(expected);
    },
  );
});

/** Inbound connections (port 8021): authentication, api and subscription commands. Sanitised transcripts show `auth ClueCon`. */
const inbound: [file: string, quietMs?: number][] = [
  ['inbound-auth-api-exit.txt'],
  ['inbound-auth-rejected.txt'],
  // FreeSWITCH keeps the connection open: the client closed it 3 s later.
  ['inbound-command-before-auth.txt', 500],
  // The echoed CUSTOM event and the log/data frame are not compared (the signature keeps channel events only).
  ['inbound-subscription-commands.txt'],
  ['inbound-originate-failures.txt'],
];

describe('the simulated inbound event socket replays recorded FreeSWITCH sessions', () => {
  test.each(inbound)('%s: the same replies and notices in the same order', async (name, quietMs) => {
    const frames = outboundFrames(name, 'inbound');
    const expected = recorded(frames);
    expect(expected.length).toBeGreaterThan(1);
    // The recordings' esltest dialplan: esl_busy hangs up USER_BUSY, esl_noanswer never answers.
    const socket = await startInboundSocket({
      password: 'ClueCon',
      globals: { sound_prefix: '$FS_PREFIX/share/freeswitch/sounds/en/us/callie' },
      extensions: { esl_busy: 'USER_BUSY', esl_noanswer: 'NO_ANSWER' },
    });
    try {
      expect((await replayInbound(frames, socket.address, quietMs)).map((r) => r.sig)).toEqual(expected);
    } finally {
      await socket.close();
    }
  });

  // `bgapi originate … loopback/esl_play/esltest &playback(welcome.wav)` with `event plain|json ALL`: each leg's
  // channel events, the job's result and every reply, each in its recorded order (the legs' threads interleave freely).
  test.each(['inbound-event-plain-bgapi-originate.txt', 'inbound-event-json-bgapi-originate.txt'])(
    '%s: every event of the originated call, per leg, in order',
    async (name) => {
      const frames = outboundFrames(name, 'inbound');
      const expected = byChannel(recordedFrames(frames));
      expect(Object.keys(expected).sort()).toEqual(['', 'loopback/esl_play-a', 'loopback/esl_play-b']);
      const socket = await startInboundSocket({ password: 'ClueCon' });
      try {
        expect(byChannel(await replayInbound(frames, socket.address))).toEqual(expected);
      } finally {
        await socket.close();
      }
    },
  );
});
