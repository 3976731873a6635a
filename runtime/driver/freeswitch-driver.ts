// The FreeSWITCH driver: each effect of the flow machine becomes applications on the call's outbound socket.

import path from 'node:path';
import {
  CallerHangupError,
  type AnswerRequest,
  type BridgeEnd,
  type CallDriver,
  type CollectRequest,
  type EffectContext,
  type HttpRequest,
  type HttpResult,
  type EnqueueRequest,
  type EnqueueResult,
  type CallbackRequest,
  type CallbackResult,
  type RecognizeResult,
  type PromptPiece,
  type RenderedPrompt,
  type TransferResult,
} from '../../flow-engine/driver';
import * as fs from '../esl/commands';
import { CallGoneError } from '../esl/errors';
import type { EslCall, EslFrame } from '../esl/esl-call';
import { planInputPrompt, type InputPromptTail, type LanguagePiece } from './input-prompt';
import { SAY_TIMEZONE, sayArgs, spokenInstead } from './say-as';
import { parseTransferTarget } from '../../flow-engine/nodes/transfer-target';

/** The engine and voice for one language, e.g. { engine: 'flite', voice: 'kal' }. */
export interface TtsVoice {
  engine: string;
  voice: string;
}

/** What the driver needs from the runtime besides the socket: media, dialling and the services behind the other effects. */
export interface FreeSwitchDriverOptions {
  /** TTS voice per language (`*` for any other language). */
  voices: Record<string, TtsVoice>;
  /** mod_unimrcp-style ASR engine name; unset when FreeSWITCH has none (speech nodes then accept keys only). */
  asrEngine?: string;
  /** Directory (as FreeSWITCH sees it) that holds the prompt library's files. */
  soundsDir: string;
  /**
   * The prompt library's recordings as files FreeSWITCH reads (runtime/media/prompt-recordings.ts): an audio piece's
   * key is played from the call's language's file; a key the library lacks is spoken from the piece's fallback text, or
   * skipped without one (`spoken` tells the library which, for its once-per-key log line). Without it, a key is a file
   * name under soundsDir.
   */
  recordings?: { fileOf(language: string, key: string, spoken?: boolean): string | undefined };
  /** Directory (as FreeSWITCH sees it) recordings are written to. */
  recordingsDir: string;
  /** Dial string of a transfer to a number, `{number}` replaced, e.g. `sofia/gateway/pstn/{number}`. */
  transferDialString: string;
  /** Dial string of a transfer to a SIP URI, `{uri}` replaced, e.g. `sofia/external/{uri}` (default). */
  transferSipDialString?: string;
  /** Record every call (record_session) into recordingsDir; sensitive input is then masked in the recording. */
  recordCalls?: boolean;
  /** Added to each effect's own duration before we give up on FreeSWITCH (default 10 s). */
  effectMarginMs?: number;
  http(request: HttpRequest, signal: AbortSignal): Promise<HttpResult>;
  enqueue(request: EnqueueRequest, call: FreeSwitchSession, signal: AbortSignal): Promise<EnqueueResult>;
  scheduleCallback(request: CallbackRequest, call: FreeSwitchSession): Promise<CallbackResult>;
}

/** The driver's per-call handle. */
export interface FreeSwitchSession {
  call: EslCall;
  /** The call recording, when the call is recorded: masked while a sensitive value is keyed in. */
  recordingPath?: string;
  /** Language whose voice the channel's tts_engine/tts_voice are set to. */
  voiceLanguage?: string;
  /** playback_terminators as last set ('' until set). */
  terminators?: string;
  /** The channel's `timezone` as we set it for say-as dates and times. */
  sayTimezone?: string;
  /** The call's clock; the wall clock unless a test or replay sets the call's start instant. */
  clock?: () => Date;
  /** The flow's language for texts the runtime speaks itself (queue announcements). */
  language?: string;
  /** The flow the call runs (stored with callback requests). */
  flowId?: string;
  /** Set when the flow itself hangs up: the CHANNEL_HANGUP that follows is not the caller's. */
  hangingUp?: boolean;
  /** Set while a bridge runs: a hangup then ends the bridge (answered), not the call as a caller hangup. */
  bridging?: boolean;
  /** Nodes visited so far (the runtime's observer fills it): left in `callflow_path` for CDRs and `callflow dial`. */
  path?: string[];
  /** The flow's non-sensitive variables as `callflow_var_<name>` channel variables, left for CDRs with the path. */
  cdrVariables?: () => Record<string, string>;
}

const DIGITS_VARIABLE = 'callflow_digits';
/** Keys that stop the pieces played before an input (the key is then the start of the caller's entry). */
const INPUT_KEYS = '0123456789*#';
const MEDIA_SECONDS_PER_PIECE = 120;

/** The bridge outcome from DIALSTATUS / originate_disposition (fixtures: outbound-bridge-*.txt). */
export function transferOutcomeOf(frame: EslFrame): TransferResult['outcome'] {
  const status = frame.headers.variable_DIALSTATUS ?? '';
  const disposition =
    frame.headers.variable_originate_disposition ?? frame.headers.variable_originate_failed_cause ?? '';
  if (status === 'SUCCESS' || disposition === 'SUCCESS') return 'answered';
  if (status === 'BUSY' || disposition === 'USER_BUSY') return 'busy';
  if (status === 'NOANSWER' || disposition === 'NO_ANSWER' || disposition === 'ALLOTTED_TIMEOUT') return 'noAnswer';
  return 'failed';
}

/** Run an effect body; a call that went away mid-effect is the caller hanging up for the machine. */
async function guarded<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof CallGoneError) throw new CallerHangupError(error.message);
    throw error;
  }
}

export class FreeSwitchDriver implements CallDriver<FreeSwitchSession> {
  private readonly margin: number;

  constructor(private readonly options: FreeSwitchDriverOptions) {
    this.margin = options.effectMarginMs ?? 10_000;
  }

  private voiceFor(language: string): TtsVoice {
    return this.options.voices[language] ?? this.options.voices['*'] ?? { engine: 'flite', voice: 'kal' };
  }

  private fileOf(file: string): string {
    return path.isAbsolute(file) || /^[a-z_]+:\/\//.test(file) ? file : path.join(this.options.soundsDir, file);
  }

  /** Point the channel's TTS at the prompt's language once per change, for `say:` pieces and engine-less speak. */
  private async useVoice(session: FreeSwitchSession, language: string): Promise<void> {
    if (session.voiceLanguage === language) return;
    const voice = this.voiceFor(language);
    for (const step of fs.setTtsVoice(voice.engine, voice.voice))
      await session.call.execute(step.app, step.arg, this.margin);
    session.voiceLanguage = language;
  }

  private async setTerminators(session: FreeSwitchSession, keys: string): Promise<void> {
    if (session.terminators === keys) return;
    const step = fs.setVariable('playback_terminators', keys);
    await session.call.execute(step.app, step.arg, this.margin);
    session.terminators = keys;
  }

  /** Stop the running application when the machine leaves the state (a watchdog, the call ending). */
  private onAbort(session: FreeSwitchSession, context: EffectContext<FreeSwitchSession>): () => void {
    return context.onAbort(() => void session.call.api(fs.uuidBreak(session.call.uuid)).catch(() => undefined));
  }

  /**
   * Audio pieces as the files FreeSWITCH plays: a library key becomes its recording in the prompt's language. A
   * recording the library lacks is never played (FreeSWITCH would answer FILE NOT FOUND, or fail a whole input prompt):
   * its fallback text is spoken in the prompt language's voice instead, or, without one, the piece is left out.
   * Prompts without audio are returned as they are (they are shared by every call).
   */
  private withFiles(prompts: readonly RenderedPrompt[]): readonly RenderedPrompt[] {
    if (!prompts.some((prompt) => prompt.pieces.some((piece) => piece.kind === 'audio'))) return prompts;
    return prompts.map((prompt) => ({
      language: prompt.language,
      pieces: prompt.pieces.flatMap((piece): PromptPiece[] => {
        if (piece.kind !== 'audio') return [piece];
        const file = this.libraryFile(prompt.language, piece.file, piece.fallbackText !== undefined);
        if (file !== undefined) return [{ kind: 'audio', file }];
        return piece.fallbackText !== undefined ? [{ kind: 'tts', text: piece.fallbackText }] : [];
      }),
    }));
  }

  private libraryFile(language: string, file: string, spoken: boolean): string | undefined {
    if (path.isAbsolute(file) || /^[a-z_]+:\/\//.test(file) || !this.options.recordings) return this.fileOf(file);
    return this.options.recordings.fileOf(language, file, spoken);
  }

  /** Play prompts piece by piece: playback, speak or say. */
  async playPrompts(session: FreeSwitchSession, rendered: readonly RenderedPrompt[]): Promise<void> {
    const prompts = this.withFiles(rendered);
    for (const prompt of prompts) {
      for (const piece of prompt.pieces) await this.playPiece(session, { language: prompt.language, piece });
    }
  }

  /** One piece as its own application; the completion tells whether a playback terminator stopped it. */
  private async playPiece(session: FreeSwitchSession, { language, piece }: LanguagePiece): Promise<EslFrame> {
    const timeout = MEDIA_SECONDS_PER_PIECE * 1000 + this.margin;
    // Pieces arrive through withFiles: an audio piece's file is what FreeSWITCH opens.
    if (piece.kind === 'audio') return session.call.execute('playback', piece.file, timeout);
    if (piece.kind === 'tts') {
      const voice = this.voiceFor(language);
      const step = fs.speak(voice.engine, voice.voice, piece.text);
      return session.call.execute(step.app, step.arg, timeout);
    }
    const spoken = spokenInstead(language, piece);
    if (spoken !== undefined) return this.playPiece(session, { language, piece: { kind: 'tts', text: spoken } });
    const args = sayArgs(language, piece, session.clock?.() ?? new Date());
    if (args.zoned && session.sayTimezone !== SAY_TIMEZONE) {
      await this.run(session, fs.setVariable('timezone', SAY_TIMEZONE));
      session.sayTimezone = SAY_TIMEZONE;
    }
    const step = fs.say(args.module, args.type, args.method, args.value);
    return session.call.execute(step.app, step.arg, timeout);
  }

  /**
   * Start an input: FreeSWITCH plays an input's own prompt only as one file-like string (see planInputPrompt), so the
   * pieces before the last playable run are played first, each stoppable by a key. Returns the prompt for
   * play_and_get_digits / play_and_detect_speech, and the key that stopped a piece (the start of the entry) if any.
   */
  private async startInput(
    session: FreeSwitchSession,
    prompts: readonly RenderedPrompt[],
  ): Promise<{ prompt: string; key?: string }> {
    const plan = planInputPrompt(this.withFiles(prompts));
    if (plan.lead.length > 0) {
      await this.setTerminators(session, INPUT_KEYS);
      for (const piece of plan.lead) {
        const done = await this.playPiece(session, piece);
        const key = done.headers.variable_playback_terminator_used;
        if (key) return { prompt: fs.silenceFile(), key };
      }
    }
    return { prompt: await this.tailFile(session, plan.tail) };
  }

  private async tailFile(session: FreeSwitchSession, tail: InputPromptTail): Promise<string> {
    if (tail.kind === 'silence') return fs.silenceFile();
    if (tail.kind === 'files') return fs.fileString(tail.files);
    // `say:` speaks with the channel's tts_engine / tts_voice (outbound-play-and-get-digits-file-string-say.txt).
    await this.useVoice(session, tail.language);
    return fs.ttsFile(tail.text);
  }

  /** One TTS sentence in a language's voice (queue announcements). */
  async speakText(session: FreeSwitchSession, language: string, text: string): Promise<void> {
    const voice = this.voiceFor(language);
    const step = fs.speak(voice.engine, voice.voice, text);
    await session.call.execute(step.app, step.arg, MEDIA_SECONDS_PER_PIECE * 1000 + this.margin);
  }

  /** One key after a TTS prompt, or null on silence (the queue's callback offer). */
  async askKey(
    session: FreeSwitchSession,
    language: string,
    text: string,
    timeoutSeconds: number,
  ): Promise<string | null> {
    await this.useVoice(session, language);
    await this.run(session, fs.flushDtmf());
    const step = fs.playAndGetDigits({
      prompt: fs.ttsFile(text),
      maxDigits: 1,
      terminators: '',
      timeoutMs: timeoutSeconds * 1000,
      variable: DIGITS_VARIABLE,
    });
    const result = digitsResult(
      await session.call.execute(
        step.app,
        step.arg,
        MEDIA_SECONDS_PER_PIECE * 1000 + timeoutSeconds * 1000 + this.margin,
      ),
      session,
    );
    return result.kind === 'digits' ? result.digits : null;
  }

  /**
   * Bridge to a dial string (a transfer's number or an agent's contact) with the failure handling of the transcripts.
   * Resolves when the far leg has ended: answered with how the conversation ended, or how ringing failed. A caller
   * hangup while it rings rejects (CallGoneError); during the conversation it is an answered bridge the caller ended.
   */
  async bridgeTo(
    session: FreeSwitchSession,
    target: string,
    ringSeconds: number,
    callerId?: string,
  ): Promise<TransferResult> {
    // Without continue_on_fail a busy far end hangs the caller up (outbound-bridge-busy.txt); the flow decides instead.
    for (const step of fs.setVariables({ continue_on_fail: 'true', hangup_after_bridge: 'false' }))
      await this.run(session, step);
    const step = fs.bridge({ target, timeoutSeconds: ringSeconds, callerId });
    let bridgedAt: number | undefined;
    const onBridge = () => (bridgedAt ??= Date.now());
    session.call.on('bridged', onBridge);
    session.bridging = true;
    const talk = () => Math.round((Date.now() - (bridgedAt ?? Date.now())) / 1000);
    try {
      // A bridge lasts as long as the conversation: bounded only by the call's own maximum duration.
      const done = await session.call.execute(step.app, step.arg, 24 * 3600 * 1000);
      const outcome = transferOutcomeOf(done);
      return outcome === 'answered' ? { outcome, bridge: { endedBy: 'other', talkSeconds: talk() } } : { outcome };
    } catch (error) {
      if (bridgedAt !== undefined && error instanceof CallGoneError)
        return { outcome: 'answered', bridge: { endedBy: 'caller', talkSeconds: talk() } satisfies BridgeEnd };
      throw error;
    } finally {
      session.bridging = false;
      session.call.off('bridged', onBridge);
    }
  }

  answer(request: AnswerRequest, { session }: EffectContext<FreeSwitchSession>): Promise<void> {
    return guarded(async () => {
      await this.run(session, request.earlyMedia ? fs.preAnswer() : fs.answer());
      if (this.options.recordCalls) {
        const file = path.join(this.options.recordingsDir, `${session.call.uuid}.wav`);
        await this.run(session, fs.recordSession(file));
        session.recordingPath = file;
      }
    });
  }

  play(
    request: import('../../flow-engine/driver').PlayRequest,
    context: EffectContext<FreeSwitchSession>,
  ): Promise<void> {
    const { session } = context;
    return guarded(async () => {
      const release = this.onAbort(session, context);
      try {
        await this.setTerminators(session, request.bargeIn ? '0123456789*#' : 'none');
        await this.playPrompts(session, [request.prompt]);
      } finally {
        release();
      }
    });
  }

  collect(request: CollectRequest, context: EffectContext<FreeSwitchSession>) {
    const { session } = context;
    return guarded(async () => {
      const release = this.onAbort(session, context);
      const masked = request.sensitive && session.recordingPath !== undefined;
      try {
        if (masked) await this.run(session, fs.recordSessionMask(session.recordingPath!));
        if (request.sensitive) await this.run(session, fs.setVariable('sensitive_dtmf', 'true'));
        await this.run(session, fs.flushDtmf());
        const { prompt, key } = await this.startInput(session, request.prompts);
        // A key that stopped a piece before the input: the terminator alone is an empty entry, one key may be all of it.
        if (key !== undefined && request.terminator !== '' && key === request.terminator)
          return { kind: 'timeout' as const };
        if (key !== undefined && request.maxDigits === 1) return { kind: 'digits' as const, digits: key };
        const step = fs.playAndGetDigits({
          prompt,
          maxDigits: request.maxDigits - (key === undefined ? 0 : 1),
          terminators: request.terminator,
          timeoutMs: request.timeoutSeconds * 1000,
          variable: DIGITS_VARIABLE,
        });
        const done = await session.call.execute(
          step.app,
          step.arg,
          MEDIA_SECONDS_PER_PIECE * 1000 + request.timeoutSeconds * 1000 + this.margin,
        );
        const result = digitsResult(done, session);
        if (key === undefined) return result;
        return { kind: 'digits' as const, digits: key + (result.kind === 'digits' ? result.digits : '') };
      } finally {
        release();
        if (masked && !session.call.goneReason)
          await this.run(session, fs.recordSessionUnmask(session.recordingPath!)).catch(() => undefined);
        // play_and_get_digits left the keyed value in a channel variable, which CDRs would copy: gone before anything else runs.
        // sensitive_dtmf kept the keys out of digits_dialed and the DTMF events; later keys (a menu) are recorded again.
        if (request.sensitive && !session.call.goneReason) {
          await this.run(session, fs.unsetVariable(DIGITS_VARIABLE)).catch(() => undefined);
          await this.run(session, fs.unsetVariable('sensitive_dtmf')).catch(() => undefined);
        }
      }
    });
  }

  recognize(request: import('../../flow-engine/driver').RecognizeRequest, context: EffectContext<FreeSwitchSession>) {
    const { session } = context;
    return guarded(async () => {
      const release = this.onAbort(session, context);
      try {
        await this.run(session, fs.flushDtmf());
        const { prompt, key } = await this.startInput(session, request.prompts);
        if (key !== undefined) return { kind: 'dtmf' as const, digits: key };
        if (!this.options.asrEngine) {
          // No ASR: the node's keys still work (a flow that needs speech is refused at publish).
          const step = fs.playAndGetDigits({
            prompt,
            maxDigits: 1,
            terminators: '',
            timeoutMs: request.timeoutSeconds * 1000,
            variable: DIGITS_VARIABLE,
          });
          const done = await session.call.execute(
            step.app,
            step.arg,
            MEDIA_SECONDS_PER_PIECE * 1000 + request.timeoutSeconds * 1000 + this.margin,
          );
          const result = digitsResult(done, session);
          return result.kind === 'digits' ? { kind: 'dtmf' as const, digits: result.digits } : result;
        }
        const step = fs.playAndDetectSpeech(prompt, this.options.asrEngine, 'default', request.timeoutSeconds * 1000);
        const done = await session.call.execute(
          step.app,
          step.arg,
          MEDIA_SECONDS_PER_PIECE * 1000 + request.timeoutSeconds * 1000 + this.margin,
        );
        return speechResult(done.headers.variable_detect_speech_result ?? '');
      } finally {
        release();
      }
    });
  }

  record(request: import('../../flow-engine/driver').RecordRequest, context: EffectContext<FreeSwitchSession>) {
    const { session } = context;
    return guarded(async () => {
      const release = this.onAbort(session, context);
      try {
        await this.setTerminators(session, '#');
        await this.playPrompts(session, request.prompts);
        if (request.beep) await session.call.execute('playback', fs.beepFile(), this.margin);
        const file = path.join(
          this.options.recordingsDir,
          `${session.call.uuid}-${request.node.replace(/[^A-Za-z0-9_-]/g, '_')}.wav`,
        );
        const step = fs.record(file, request.maxSeconds, request.silenceSeconds);
        const done = await session.call.execute(step.app, step.arg, request.maxSeconds * 1000 + this.margin);
        const seconds = Number(done.headers.variable_record_seconds ?? '0');
        return seconds > 0 ? { kind: 'recorded' as const, location: file, seconds } : { kind: 'silence' as const };
      } finally {
        release();
      }
    });
  }

  http(request: HttpRequest, { signal }: EffectContext<FreeSwitchSession>): Promise<HttpResult> {
    return this.options.http(request, signal);
  }

  enqueue(request: EnqueueRequest, { session, signal }: EffectContext<FreeSwitchSession>) {
    return guarded(() => this.options.enqueue(request, session, signal));
  }

  transfer(request: import('../../flow-engine/driver').TransferRequest, context: EffectContext<FreeSwitchSession>) {
    const { session } = context;
    return guarded(async () => {
      const release = this.onAbort(session, context);
      try {
        // A number and a SIP URI each have their dial string; anything else (a template filled with something else)
        // is not dialled at all: the transfer failed.
        const parsed = parseTransferTarget(request.to);
        if (!parsed) return { outcome: 'failed' as const };
        await this.playPrompts(session, request.prompts);
        const target =
          parsed.kind === 'sip'
            ? (this.options.transferSipDialString ?? 'sofia/external/{uri}').replace('{uri}', parsed.uri)
            : this.options.transferDialString.replace('{number}', parsed.number);
        return await this.bridgeTo(session, target, request.timeoutSeconds, request.callerId);
      } finally {
        release();
      }
    });
  }

  scheduleCallback(request: CallbackRequest, { session }: EffectContext<FreeSwitchSession>) {
    return this.options.scheduleCallback(request, session);
  }

  hangup(request: import('../../flow-engine/driver').HangupRequest, { session }: EffectContext<FreeSwitchSession>) {
    return guarded(async () => {
      try {
        await this.playPrompts(session, request.prompts);
        if (session.path) {
          for (const step of fs.setVariables({
            callflow_path: session.path.join(','),
            callflow_end: `${request.reason}@${request.node}`,
            ...session.cdrVariables?.(),
          }))
            await this.run(session, step);
        }
        session.hangingUp = true;
        await this.run(session, fs.hangup(request.reason === 'error' ? 'NORMAL_TEMPORARY_FAILURE' : 'NORMAL_CLEARING'));
      } catch (error) {
        // The channel is gone either way: that is what hangup asked for.
        if (!(error instanceof CallGoneError)) throw error;
      }
    });
  }

  now(_request: unknown, { session }: EffectContext<FreeSwitchSession>): Date {
    return session.clock?.() ?? new Date();
  }

  private async run(session: FreeSwitchSession, step: fs.AppCall): Promise<EslFrame> {
    return session.call.execute(step.app, step.arg, this.margin);
  }
}

/** Thrown when FreeSWITCH completes an input without a result while the caller is still there: the effect failed. */
export class InputNotPlayedError extends Error {}

/**
 * play_and_get_digits' outcome: success with digits, or failure (timeout). No read_result at all while the channel
 * is up means FreeSWITCH could not play the prompt and collected nothing (it logs why, e.g. `Invalid file format`):
 * an error with that reason, not a caller hangup (a hangup reaches us as CHANNEL_HANGUP before the completion).
 */
function digitsResult(done: EslFrame, session: FreeSwitchSession) {
  const result = done.headers.variable_read_result;
  if (result === undefined) {
    if (session.call.goneReason) throw new CallerHangupError('The caller hung up during input.');
    // The prompt itself is not repeated here: it may speak a sensitive value.
    throw new InputNotPlayedError(
      'FreeSWITCH completed play_and_get_digits without a result: the prompt could not be played (its log says why)',
    );
  }
  const digits = done.headers[`variable_${DIGITS_VARIABLE}`];
  if (result === 'success' && digits) return { kind: 'digits' as const, digits };
  return { kind: 'timeout' as const };
}

/** What an NLSML detect_speech result holds: `<input mode="speech">text</input>`, keys (`mode="dtmf"`), or nothing. */
export function speechResult(result: string): RecognizeResult {
  const input = /<input([^>]*)>([^<]*)<\/input>/i.exec(result);
  const text = input?.[2]?.trim() ?? '';
  if (!text) return { kind: 'timeout' };
  return /mode="dtmf"/i.test(input?.[1] ?? '') ? { kind: 'dtmf', digits: text } : { kind: 'speech', text };
}
