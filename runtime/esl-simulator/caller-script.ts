// What the simulated caller and the far ends do on one call, and what the simulator reports back.

import type { CallerInput } from '../../flow-engine/test-case';

export type BridgeOutcome = 'answered' | 'busy' | 'noAnswer' | 'failed';

/**
 * One bridge's far end: its outcome, after it rang for `ringMs` (ring_ready, then the outcome later: the socket leg,
 * already answered, gets no event while it rings, outbound-bridge-no-answer.txt). `hangup`: the caller hangs up
 * after `ringMs` of ringing, before the far end answers.
 */
export type ScriptedBridge = BridgeOutcome | { outcome?: BridgeOutcome; ringMs?: number; hangup?: boolean };

/** mod_say languages of the project's sample configuration (runtime/freeswitch: vanilla's en, lang/zh). */
export const SAMPLE_SAY_LANGUAGES: readonly string[] = ['en', 'zh'];

export interface CallerScript {
  /** The dialled number (Caller-Destination-Number). */
  destination: string;
  /** Caller-Caller-ID-Number (default 1001, as in the transcripts). */
  caller?: string;
  /** One per input attempt (play_and_get_digits / play_and_detect_speech), as in test cases: digits, '' (silence), { say }, { hangup }. When they run out at an input, the caller hangs up. A `{ hangup: true }` next in line also hangs up during a playback, recording or bridge. */
  inputs?: CallerInput[];
  /** Each bridge in order: its outcome (default answered), how long it rings, a caller hangup while it rings. */
  bridges?: ScriptedBridge[];
  /**
   * Languages FreeSWITCH has a `<language>` configuration for (default SAMPLE_SAY_LANGUAGES): `say` in another logs
   * "Can't find language xx." and completes at once with nothing played.
   */
  sayLanguages?: readonly string[];
  /** FreeSWITCH has an ASR engine (otherwise play_and_detect_speech fails with ASR INIT ERROR, as recorded). */
  asr?: boolean;
  /** Milliseconds each playback/speak/say takes (default 0). */
  mediaMs?: number;
  /** Seconds a recording lasts (default 3). */
  recordSeconds?: number;
  /**
   * The caller's leg sends audio (default true). Without it `record` records nothing (0 s) and ends as FreeSWITCH ends
   * it on comfort-noise frames: after its silence seconds when given a threshold (`silence_hits_exhausted=true`),
   * otherwise just over its time limit, in real time; uuid_break, a caller hangup or the socket closing end it sooner.
   */
  callerAudio?: boolean;
  /**
   * The caller hangs up as soon as FreeSWITCH has answered `connect`, before the runtime's `linger` / `myevents` reach
   * it: nothing is subscribed and no linger asked, so FreeSWITCH sends no event, only the disconnect notice, and closes
   * the socket (mod_event_socket's listener on a channel that is down); later commands get no reply.
   */
  hangupAfterConnect?: boolean;
  /** FreeSWITCH drops the socket without a notice when this application starts (a crash or network cut). */
  dropSocketOn?: string;
  /** Asked as each prompt (playback, speak, say) starts: keys the caller presses during it, or a hangup. */
  duringPrompt?: () => { keys?: string; hangup?: boolean } | undefined;
  /** Files (as the runtime names them) that are not on FreeSWITCH's disk: playback answers FILE NOT FOUND. */
  missingFiles?: string[];
  /**
   * A directory FreeSWITCH shares with the runtime (its sounds directory): a playback of a file under it that is not on
   * this machine's disk answers FILE NOT FOUND, as FreeSWITCH does.
   */
  soundsOnDisk?: string;
  /** mod_local_stream sources FreeSWITCH has (default none, as installed: `local_stream://moh` answers FILE NOT FOUND). */
  localStreams?: string[];
  /**
   * The dialplan set `socket_resume=true` before `socket` (the project's sample dialplan does; default true). It
   * decides what closing the socket does to a channel that left the socket application (a transfer): CS_RESET.
   */
  socketResume?: boolean;
  /** Asked when a bridge is answered: the caller hangs up during the conversation. */
  duringBridge?: () => { hangup?: boolean } | undefined;
  /**
   * An agent is bridged to this channel from outside the socket: an ACD's control connection (`api uuid_bridge` while
   * the caller hears hold music) or mod_callcenter offering its agent to `callcenter`. Without it hold music plays until
   * uuid_break and `callcenter` waits until the caller hangs up. `talkMs`: the agent hangs up first after that long
   * (default: the agent stays until the call ends).
   */
  agent?: { talkMs?: number };
}

/** What the caller's line did, in order: what a driver contract compares (`answer`, each piece heard, our hangup). */
export type HeardEvent =
  | { kind: 'answer'; earlyMedia: boolean }
  /** `voice`: `engine|voice` of a TTS piece, the mod_say module of a say piece; `file` for a recording. */
  | { kind: 'play'; text: string; voice?: string; file?: boolean }
  /** A recording started; `beep`: a tone was played just before it. */
  | { kind: 'record'; beep: boolean }
  | { kind: 'hangup' };

/** One application the runtime ran on the channel. */
export interface ExecutedApp {
  app: string;
  arg: string;
  response: string;
}

export interface DialTrace {
  uuid: string;
  apps: ExecutedApp[];
  /** Human-readable lines: what the caller heard and did, what FreeSWITCH did. */
  lines: string[];
  heard: HeardEvent[];
  /** Channel variables at the end (the runtime sets callflow_* for CDRs). */
  variables: Record<string, string>;
  hangupCause: string | null;
  /** Who ended the call: the runtime (hangup app/close), the caller, or FreeSWITCH (busy bridge, unknown app, drop). */
  endedBy: 'runtime' | 'caller' | 'freeswitch' | null;
  /** The runtime closed the socket while the channel was up: FreeSWITCH continues the dialplan after `socket`. */
  dialplanContinued: boolean;
  /** `transfer EXT XML CONTEXT` sent the call on in the dialplan (e.g. the fallback), as `EXT@CONTEXT`. */
  transferredTo: string | null;
  /** Applications the runtime still executed on the channel after it was transferred (they run inside the new extension). */
  afterTransfer: ExecutedApp[];
  /**
   * The runtime closed the socket of a transferred channel while `socket_resume` was true: mod_event_socket sets the
   * channel to CS_RESET, which stops the extension it was transferred to and leaves the caller in silence.
   */
  resetAfterTransfer: boolean;
}
