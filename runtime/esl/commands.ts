// Every FreeSWITCH application and api string the runtime sends is built here, so the dialect lives in one place.

/** A dialplan application with its argument, ready for EslCall.execute. */
export interface AppCall {
  app: string;
  arg: string;
}

const app = (name: string, arg = ''): AppCall => ({ app: name, arg });

/** Variable values and prompt text may not carry a newline (it would end the sendmsg header). */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

export const answer = (): AppCall => app('answer');

/** Early media only: prompts and input work, the call stays unanswered (not billed). */
export const preAnswer = (): AppCall => app('pre_answer');

/** Discard keys pressed before an input starts (type-ahead is flushed, CallDriver rule 4). */
export const flushDtmf = (): AppCall => app('flush_dtmf');

export const playback = (file: string): AppCall => app('playback', oneLine(file));

/** `speak engine|voice|text` (mod_flite: `flite|kal|Hello`). */
export const speak = (engine: string, voice: string, text: string): AppCall =>
  app('speak', `${engine}|${voice}|${oneLine(text)}`);

/** mod_say: `say en number pronounced 42`. */
export const say = (module: string, type: string, method: string, value: string): AppCall =>
  app('say', `${module} ${type} ${method} ${oneLine(value)}`);

/** `set name=value`: a channel variable (also what CDRs read). */
export const setVariable = (name: string, value: string): AppCall => app('set', `${name}=${oneLine(value)}`);

/** `unset name`: removes a channel variable (so it reaches no CDR). */
export const unsetVariable = (name: string): AppCall => app('unset', name);

export const hangup = (cause: string): AppCall => app('hangup', cause);

/** Send the call on to another dialplan extension (the fallback); the socket's part in the call ends. */
export const transfer = (extension: string, context: string): AppCall => app('transfer', `${extension} XML ${context}`);

export const sleep = (ms: number): AppCall => app('sleep', String(Math.max(0, Math.round(ms))));

/** A file-string of several prompt files (`file_string://a.wav!b.wav`); one file is used as is. */
export function fileString(files: string[]): string {
  if (files.length === 1 && files[0] !== undefined) return files[0];
  return `file_string://${files.map((file) => file.replace(/!/g, '.')).join('!')}`;
}

/** A TTS piece inside a file-string: `say:` speaks with the channel's tts_engine / tts_voice (see setTtsVoice). */
export const ttsFile = (text: string): string => `say:${oneLine(text).replace(/!/g, '.')}`;

/**
 * Several channel variables in one round trip: `multiset a=1 b=2` (outbound-set-export-vars.txt). A value with a space
 * (or an empty one) cannot go in that list, so such variables are set one `set` each, after the multiset.
 */
export function setVariables(values: Record<string, string>): AppCall[] {
  const entries = Object.entries(values).map(([name, value]) => [name, oneLine(value)] as const);
  const listable = entries.filter(([, value]) => !/\s/.test(value) && value !== '');
  const single = entries.filter((entry) => !listable.includes(entry));
  const steps =
    listable.length > 1
      ? [app('multiset', listable.map(([n, v]) => `${n}=${v}`).join(' '))]
      : listable.map(([n, v]) => setVariable(n, v));
  return [...steps, ...single.map(([name, value]) => setVariable(name, value))];
}

/** The engine and voice `say:` pieces and engine-less `speak` use. */
export const setTtsVoice = (engine: string, voice: string): AppCall[] =>
  setVariables({ tts_engine: engine, tts_voice: voice });

/** A tone: the beep before a recording. */
export const beepFile = (): string => 'tone_stream://%(250,0,800)';

/**
 * Hold music that plays on FreeSWITCH as installed: a soft two-note chime every 3 s from mod_tone_stream (the beep's
 * module), started again by the queue whenever it ends (FreeSWITCH 1.10.12 ends a tone stream after a few loops even
 * with loops=-1, and endless_playback ignores uuid_break). The stock `local_stream://moh` needs mod_local_stream
 * configured over a directory of music ("Unknown source moh", FILE NOT FOUND, otherwise); CALLFLOW_HOLD_MUSIC or a queue
 * node's holdMusic names such a source once one is set up.
 */
export const defaultHoldMusic = 'tone_stream://%(400,2600,523,659);loops=20';

/** Half a second of silence: the "invalid" file of play_and_get_digits (the machine owns retry prompts). */
export const silenceFile = (ms = 250): string => `silence_stream://${ms}`;

export interface DigitsOptions {
  prompt: string;
  maxDigits: number;
  /** Keys that end entry; '' for none. */
  terminators: string;
  timeoutMs: number;
  /** The channel variable the digits land in (`variable_<name>` on CHANNEL_EXECUTE_COMPLETE). */
  variable: string;
}

/**
 * play_and_get_digits with one try: on timeout FreeSWITCH would otherwise replay the prompt and its own invalid
 * prompt, while retries and their prompts belong to the flow machine (fixtures/esl README).
 */
export function playAndGetDigits(o: DigitsOptions): AppCall {
  const terminators = o.terminators === '' ? 'none' : o.terminators;
  // min 1: FreeSWITCH would fail a short entry and drop its digits; the machine judges minDigits itself.
  return app(
    'play_and_get_digits',
    `1 ${o.maxDigits} 1 ${o.timeoutMs} ${terminators} ${quoteArg(o.prompt)} ${silenceFile()} ${o.variable} ^[0-9*#]+$ ${o.timeoutMs}`,
  );
}

/**
 * FreeSWITCH splits application arguments on spaces but keeps text in single quotes together (switch_separate_string):
 * a prompt with TTS text is quoted, and a quote inside it becomes a typographic one.
 */
export function quoteArg(text: string): string {
  return /[\s']/.test(text) ? `'${oneLine(text).replace(/'/g, '\u2019')}'` : text;
}

/** The inverse of quoteArg over a whole argument string (the ESL simulator reads arguments as FreeSWITCH does). */
export function splitArgs(arg: string): string[] {
  const out: string[] = [];
  for (const match of arg.matchAll(/'([^']*)'|(\S+)/g)) out.push(match[1] ?? match[2] ?? '');
  return out;
}

/** play_and_detect_speech with the engine's default grammar; the result lands in `detect_speech_result`. */
export const playAndDetectSpeech = (prompt: string, engine: string, grammar: string, timeoutMs: number): AppCall =>
  app(
    'play_and_detect_speech',
    `${quoteArg(prompt)} detect:${engine} {no-input-timeout=${timeoutMs},start-input-timers=true}${grammar}`,
  );

/** `record path max_seconds silence_threshold silence_seconds`. */
export const record = (path: string, maxSeconds: number, silenceSeconds: number): AppCall =>
  app('record', `${path} ${Math.max(1, Math.round(maxSeconds))} 200 ${Math.max(1, Math.round(silenceSeconds))}`);

/** Record the whole call (both legs) to `path`, from now until the hangup. */
export const recordSession = (path: string): AppCall => app('record_session', path);

/** Mask (digital silence) / unmask the call recording while a sensitive value is keyed in (FS 1.10.12). */
export const recordSessionMask = (path: string): AppCall => app('record_session_mask', path);
export const recordSessionUnmask = (path: string): AppCall => app('record_session_unmask', path);

export interface BridgeOptions {
  /** The dial string, e.g. `sofia/gateway/pstn/+861088886666`. */
  target: string;
  timeoutSeconds: number;
  callerId?: string;
}

/** bridge with a ring timeout; `continue_on_fail` must be set first or a busy far end hangs the caller up. */
export function bridge(o: BridgeOptions): AppCall {
  const vars = [`originate_timeout=${Math.max(1, Math.round(o.timeoutSeconds))}`];
  if (o.callerId) vars.push(`origination_caller_id_number=${o.callerId.replace(/[,}{\s]/g, '')}`);
  return app('bridge', `{${vars.join(',')}}${oneLine(o.target)}`);
}

/** Stop whatever media is playing on the channel (the next application runs normally). */
export const uuidBreak = (uuid: string): string => `uuid_break ${uuid} all`;

/** Outbound-socket commands. */
export const socketCommands = { linger: 'linger', myevents: 'myevents', resume: 'resume' } as const;
