// One FreeSWITCH channel handed to the runtime over `socket … async full`, played out from a caller script.

import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { CallerInput } from '../../flow-engine/test-case';
import { splitArgs } from '../esl/commands';
import type { BridgeOutcome, CallerScript, DialTrace } from './caller-script';
import { apiResponse, channelDataReply, commandReply, disconnectNotice, plainEvent, readCommands, type ClientCommand } from './fs-frames';

const CORE_UUID = '5a1c0d3e-0000-4000-8000-00000000f5e1';
const delay = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

const bridgeVariables: Record<BridgeOutcome, Record<string, string>> = {
  answered: { DIALSTATUS: 'SUCCESS', originate_disposition: 'SUCCESS', bridge_hangup_cause: 'NORMAL_CLEARING', last_bridge_hangup_cause: 'NORMAL_CLEARING' },
  busy: { DIALSTATUS: 'BUSY', originate_disposition: 'USER_BUSY', originate_failed_cause: 'USER_BUSY', last_bridge_hangup_cause: 'USER_BUSY' },
  noAnswer: { DIALSTATUS: 'NOANSWER', originate_disposition: 'NO_ANSWER', originate_failed_cause: 'NO_ANSWER' },
  failed: { DIALSTATUS: 'NO_ROUTE_DESTINATION', originate_disposition: 'NO_ROUTE_DESTINATION', originate_failed_cause: 'NO_ROUTE_DESTINATION' },
};

/** Thrown inside an application when the channel went away during it. */
class ChannelGone extends Error {}

export class SimulatedChannel {
  readonly uuid = randomUUID();
  readonly trace: DialTrace;
  /** Resolves when the socket has closed, with the trace. */
  readonly done: Promise<DialTrace>;
  private readonly socket: net.Socket;
  private readonly channelName: string;
  private readonly inputs: CallerInput[];
  private readonly bridges: BridgeOutcome[];
  private readonly variables: Record<string, string> = {};
  private buffer = '';
  private sequence = 1000;
  private answered = false;
  private hungUp = false;
  private linger = false;
  private connected = false;
  private closed = false;
  private queue: Promise<void> = Promise.resolve();
  private breakMedia: (() => void) | undefined;
  /** The application running now, so a hangup can complete it. */
  private current: { app: string; arg: string; id: string } | undefined;
  /** Milliseconds from each CHANNEL_EXECUTE_COMPLETE written to the runtime's next sendmsg read (the load mode's figure). */
  readonly turnarounds: number[] = [];
  private completedAt: number | undefined;
  /** The socket application's own completion repeats the previous application's response (fixtures README). */
  private lastResponse = '_none_';
  /** The last application was the beep (a tone): the next recording starts with a beep. */
  private beeped = false;
  /** Keys pressed and not yet read by an input (flush_dtmf empties it). */
  private dtmfBuffer = '';

  constructor(
    address: { host: string; port: number },
    private readonly script: CallerScript,
  ) {
    this.channelName = `loopback/${script.destination}-b`;
    this.inputs = [...(script.inputs ?? [])];
    this.bridges = [...(script.bridges ?? [])];
    this.trace = { uuid: this.uuid, apps: [], lines: [], heard: [], variables: this.variables, hangupCause: null, endedBy: null, dialplanContinued: false, transferredTo: null };
    Object.assign(this.variables, {
      direction: 'inbound',
      uuid: this.uuid,
      channel_name: this.channelName,
      current_application: 'socket',
      current_application_data: `${address.host}:${address.port} async full`,
    });
    this.socket = net.connect(address.port, address.host);
    this.socket.setNoDelay(true);
    this.done = new Promise((resolve) => {
      this.socket.on('close', () => {
        this.closed = true;
        this.breakMedia?.();
        // The runtime let go of a live channel: FreeSWITCH runs the dialplan after `socket` (fixtures: client-close).
        if (!this.hungUp && !this.trace.transferredTo) {
          this.trace.dialplanContinued = true;
          this.trace.lines.push('socket closed by the runtime: the dialplan continues after socket');
        }
        resolve(this.trace);
      });
    });
    this.socket.on('error', () => undefined);
    this.socket.on('data', (data) => this.onData(data.toString('utf8')));
  }

  private write(frame: string): void {
    if (!this.closed && !this.socket.destroyed) this.socket.write(frame);
  }

  private channelHeaders(): [string, string][] {
    const callState = this.hungUp ? 'HANGUP' : this.answered ? 'ACTIVE' : 'RINGING';
    return [
      ['Core-UUID', CORE_UUID],
      ['FreeSWITCH-Hostname', 'fs-sim'],
      ['FreeSWITCH-Switchname', 'fs-sim'],
      ['FreeSWITCH-IPv4', '192.0.2.2'],
      ['Event-Date-Timestamp', String(Date.now() * 1000)],
      ['Event-Calling-File', 'esl-simulator'],
      ['Event-Sequence', String(this.sequence++)],
      ['Channel-State', this.hungUp ? 'CS_HANGUP' : 'CS_EXECUTE'],
      ['Channel-Call-State', callState],
      ['Channel-Name', this.channelName],
      ['Unique-ID', this.uuid],
      ['Call-Direction', 'inbound'],
      ['Answer-State', this.hungUp ? 'hangup' : this.answered ? 'answered' : 'ringing'],
      ['Caller-Caller-ID-Number', this.script.caller ?? '1001'],
      ['Caller-Destination-Number', this.script.destination],
      ['Caller-Unique-ID', this.uuid],
      ['Caller-Context', 'callflow'],
    ];
  }

  private variableHeaders(): [string, string][] {
    return Object.entries(this.variables).map(([name, value]) => [`variable_${name}`, value]);
  }

  private event(name: string, extra: [string, string][] = [], withVariables = true): void {
    const hangup: [string, string][] = this.hungUp && this.trace.hangupCause ? [['Hangup-Cause', this.trace.hangupCause]] : [];
    this.write(plainEvent([['Event-Name', name], ...this.channelHeaders(), ...hangup, ...(withVariables ? this.variableHeaders() : []), ...extra]));
  }

  private onData(text: string): void {
    const { commands, rest } = readCommands(this.buffer + text);
    this.buffer = rest;
    for (const command of commands) this.onCommand(command);
  }

  private onCommand(command: ClientCommand): void {
    const [verb, ...words] = command.line.split(' ');
    const arg = words.join(' ');
    if (!this.connected) {
      if (verb !== 'connect') return this.write(commandReply('-ERR command not found'));
      this.connected = true;
      return this.write(channelDataReply([['Event-Name', 'CHANNEL_DATA'], ...this.channelHeaders(), ...this.variableHeaders()]));
    }
    switch (verb) {
      case 'linger':
        this.linger = true;
        return this.write(commandReply('+OK will linger'));
      case 'nolinger':
        this.linger = false;
        return this.write(commandReply('+OK will not linger'));
      case 'myevents':
        return this.write(commandReply('+OK Events Enabled'));
      case 'event':
        return this.write(commandReply(`+OK event listener enabled ${words[0] ?? 'plain'}`));
      case 'resume':
        return this.write(commandReply('+OK'));
      case 'exit':
        this.write(commandReply('+OK bye'));
        this.write(disconnectNotice(this.uuid, this.channelName, 'disconnect'));
        this.socket.end();
        return;
      case 'api':
        return this.onApi(arg);
      case 'sendmsg':
        if (this.completedAt !== undefined) {
          this.turnarounds.push(performance.now() - this.completedAt);
          this.completedAt = undefined;
        }
        // FreeSWITCH answers +OK even after the hangup; nothing runs then (fixtures README).
        this.write(commandReply('+OK'));
        if (this.hungUp) return;
        if (command.headers['call-command'] === 'hangup') {
          this.queue = this.queue.then(() => this.hangup(command.headers['hangup-cause'] ?? 'NORMAL_CLEARING', 'runtime'));
        } else if (command.headers['call-command'] === 'execute') {
          const app = command.headers['execute-app-name'] ?? '';
          const appArg = command.headers['execute-app-arg'] ?? '';
          const id = command.headers['Event-UUID'] ?? randomUUID();
          this.queue = this.queue.then(() => this.execute(app, appArg, id)).catch(() => undefined);
        }
        return;
      default:
        return this.write(commandReply('-ERR command not found'));
    }
  }

  private onApi(arg: string): void {
    const [name, uuid, ...rest] = arg.split(' ');
    if (name === 'uuid_break') {
      if (uuid !== this.uuid) return this.write(apiResponse('-ERR No such channel!\n'));
      this.breakMedia?.();
      return this.write(apiResponse('+OK\n'));
    }
    if (name === 'uuid_getvar') return this.write(apiResponse(uuid === this.uuid ? (this.variables[rest[0]] ?? '_undef_') : '-ERR No such channel!\n'));
    this.write(apiResponse(`-ERR ${name} Command not found!\n`));
  }

  /** Media that lasts `ms` (forever when negative) unless uuid_break or the socket closing cuts it. */
  private async media(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = ms > 0 ? setTimeout(done, ms) : ms < 0 ? undefined : setImmediate(done);
      function done() {
        resolve();
      }
      this.breakMedia = () => {
        if (ms > 0) clearTimeout(timer as NodeJS.Timeout);
        else if (ms === 0) clearImmediate(timer as NodeJS.Immediate);
        resolve();
      };
    });
    this.breakMedia = undefined;
  }

  /** One piece the caller heard: `speak engine|voice|text`, `say module type method value`, a file. */
  private heardOf(app: string, arg: string): Extract<import('./caller-script').HeardEvent, { kind: 'play' }> {
    if (app === 'speak') {
      const [engine, voice, ...text] = arg.split('|');
      return text.length > 0 ? { kind: 'play', voice: `${engine}|${voice}`, text: text.join('|') } : { kind: 'play', voice: `${this.variables.tts_engine}|${this.variables.tts_voice}`, text: arg };
    }
    if (app === 'say') {
      const [module, , , ...value] = arg.split(' ');
      return { kind: 'play', voice: module, text: value.join(' ') };
    }
    if (arg.startsWith('say:')) return { kind: 'play', voice: `${this.variables.tts_engine}|${this.variables.tts_voice}`, text: arg.slice(4) };
    return { kind: 'play', file: true, text: arg };
  }

  /** The pieces of an input's prompt (`file_string://a!b`), as heard; silence is not. */
  private heardPrompt(file: string): void {
    const pieces = file.startsWith('file_string://') ? file.slice('file_string://'.length).split('!') : [file];
    for (const piece of pieces) if (!piece.startsWith('silence_stream://')) this.trace.heard.push(this.heardOf('playback', piece));
  }

  /** The next scripted input if it is a hangup: the caller hangs up during this wait. */
  private hangsUpNow(): boolean {
    const next = this.inputs[0];
    if (typeof next === 'object' && next !== null && 'hangup' in next && next.hangup) {
      this.inputs.shift();
      return true;
    }
    return false;
  }

  private async execute(app: string, arg: string, id: string): Promise<void> {
    if (this.hungUp || this.closed) return;
    const appHeaders = (): [string, string][] => [
      ['Application', app],
      ['Application-Data', arg],
      ['Application-UUID', id],
    ];
    if (this.script.dropSocketOn === app) {
      this.trace.lines.push(`FreeSWITCH dropped the socket at ${app}`);
      this.trace.endedBy = 'freeswitch';
      this.hungUp = true;
      this.socket.destroy();
      return;
    }
    this.current = { app, arg, id };
    const beepBefore = this.beeped;
    this.beeped = app === 'playback' && arg.startsWith('tone_stream://');
    if (app === 'record') this.trace.heard.push({ kind: 'record', beep: beepBefore });
    this.event('CHANNEL_EXECUTE', appHeaders());
    let response = '_none_';
    const complete = (early?: string) => {
      if (early !== undefined) response = early;
      this.trace.apps.push({ app, arg, response });
      this.lastResponse = response;
      this.event('CHANNEL_EXECUTE_COMPLETE', [...appHeaders().slice(0, 2), ['Application-Response', response], ['Application-UUID', id]]);
      this.completedAt = performance.now();
    };
    try {
      response = await this.runApp(app, arg, complete);
    } catch (error) {
      if (!(error instanceof ChannelGone)) throw error;
      return;
    }
    if (response === '\0unknown') {
      // An unknown application: +OK, no CHANNEL_EXECUTE_COMPLETE, the call is hung up (outbound-speak-missing-file-unknown-app.txt).
      await this.hangup('DESTINATION_OUT_OF_ORDER', 'freeswitch');
      return;
    }
    complete();
  }

  /** Runs one application; returns its Application-Response. `complete` lets an app send its completion before a hangup. */
  private async runApp(app: string, arg: string, complete: (response: string) => void): Promise<string> {
    switch (app) {
      case 'answer':
        this.answered = true;
        this.trace.heard.push({ kind: 'answer', earlyMedia: false });
        this.event('CHANNEL_ANSWER');
        return '_none_';
      case 'pre_answer':
        this.trace.heard.push({ kind: 'answer', earlyMedia: true });
        this.event('CHANNEL_PROGRESS_MEDIA');
        return '_none_';
      case 'flush_dtmf':
        this.dtmfBuffer = '';
        return '_none_';
      case 'playback':
      case 'speak':
      case 'say': {
        const endless = app === 'playback' && arg.startsWith('local_stream://');
        const tone = app === 'playback' && arg.startsWith('tone_stream://');
        this.trace.lines.push(`${app === 'playback' ? (endless ? 'hold music' : 'played') : app === 'speak' ? 'spoke' : 'said'}: ${app === 'speak' ? arg.split('|').slice(2).join('|') : arg}`);
        // Hold music and the recording beep are not prompts.
        if (!endless && !tone) this.trace.heard.push(this.heardOf(app, arg));
        const reaction = endless || tone ? undefined : this.script.duringPrompt?.();
        if (reaction?.keys) {
          for (const key of reaction.keys) this.event('DTMF', [['DTMF-Digit', key], ['DTMF-Duration', '2000'], ['DTMF-Source', 'UNKNOWN']], false);
          this.dtmfBuffer += reaction.keys;
        }
        if (reaction?.hangup || (!tone && this.hangsUpNow())) {
          await this.media(0);
          // A playback the caller hangs up on completes with PLAYBACK ERROR before CHANNEL_HANGUP (fixtures).
          if (app === 'playback') complete('PLAYBACK ERROR');
          await this.hangup('NORMAL_CLEARING', 'caller');
          throw new ChannelGone();
        }
        // Hold music plays until uuid_break (or the hangup); everything else for mediaMs.
        await this.media(endless ? -1 : (this.script.mediaMs ?? 0));
        return app === 'playback' ? 'FILE PLAYED' : '_none_';
      }
      case 'set':
      case 'export': {
        const eq = arg.indexOf('=');
        if (eq > 0) this.variables[arg.slice(0, eq).replace(/^nolocal:/, '')] = arg.slice(eq + 1);
        return '_none_';
      }
      case 'multiset':
        for (const pair of arg.split(' ')) {
          const eq = pair.indexOf('=');
          if (eq > 0) this.variables[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
        return '_none_';
      case 'unset':
        delete this.variables[arg];
        return '_none_';
      case 'sleep':
        await this.media(Math.min(Number(arg) || 0, this.script.mediaMs ?? 0));
        return '_none_';
      case 'record_session':
      case 'stop_record_session':
      case 'record_session_mask':
      case 'record_session_unmask':
        this.trace.lines.push(`${app} ${arg}`);
        return '_none_';
      case 'play_and_get_digits':
        return this.playAndGetDigits(arg);
      case 'play_and_detect_speech':
        return this.playAndDetectSpeech(arg);
      case 'record':
        return this.record(arg);
      case 'bridge':
        return this.bridge(arg);
      case 'hangup':
        await this.hangup(arg || 'NORMAL_CLEARING', 'runtime');
        throw new ChannelGone();
      case 'transfer': {
        // The call leaves the socket for another extension; FreeSWITCH ends the socket session.
        const [extension, , context] = splitArgs(arg);
        this.trace.transferredTo = `${extension}@${context ?? 'default'}`;
        this.trace.lines.push(`transferred to ${this.trace.transferredTo}`);
        complete('_none_');
        this.write(disconnectNotice(this.uuid, this.channelName, 'disconnect'));
        this.socket.end();
        throw new ChannelGone();
      }
      default:
        return '\0unknown';
    }
  }

  /** `min max tries timeout terminators file invalid_file var regexp digit_timeout` (one try). */
  private async playAndGetDigits(arg: string): Promise<string> {
    const [min, max, , , terminators, file, , variable, regexp] = splitArgs(arg);
    this.trace.lines.push(`prompt: ${file}`);
    this.heardPrompt(file);
    // Keys already in the channel's buffer are read first (the driver flushes them before an input).
    const buffered = this.dtmfBuffer;
    this.dtmfBuffer = '';
    const scripted = buffered ? undefined : this.inputs.shift();
    const input = buffered || scripted;
    if (input === undefined || (typeof input === 'object' && 'hangup' in input)) {
      // CHANNEL_HANGUP comes first, then the application's completion without read_result (outbound-caller-hangup-during-collect.txt).
      await this.hangup('NORMAL_CLEARING', 'caller', true);
      throw new ChannelGone();
    }
    delete this.variables[variable];
    if (typeof input !== 'string' || input === '') {
      this.trace.lines.push('caller: (silence)');
      await this.media(0);
      this.variables.read_result = 'failure';
      return '_none_';
    }
    this.trace.lines.push(`caller keyed: ${input}`);
    let digits = '';
    let terminator = '';
    for (const key of input) {
      if (!buffered) this.event('DTMF', [['DTMF-Digit', key], ['DTMF-Duration', '2000'], ['DTMF-Source', 'UNKNOWN']], false);
      if (terminators !== 'none' && terminators.includes(key)) {
        terminator = key;
        break;
      }
      digits += key;
      if (digits.length >= Number(max)) break;
    }
    await this.media(0);
    const ok = digits.length >= Number(min) && new RegExp(regexp).test(digits);
    this.variables.read_result = ok ? 'success' : 'failure';
    if (terminator) this.variables.read_terminator_used = terminator;
    if (ok) this.variables[variable] = digits;
    return '_none_';
  }

  private async playAndDetectSpeech(arg: string): Promise<string> {
    // Without an ASR module it fails at once and plays nothing (outbound-play-and-detect-speech-no-asr.txt).
    if (!this.script.asr) return 'ASR INIT ERROR';
    this.trace.lines.push(`prompt: ${splitArgs(arg)[0]}`);
    this.heardPrompt(splitArgs(arg)[0]);
    const input = this.inputs.shift();
    if (input === undefined || (typeof input === 'object' && 'hangup' in input)) {
      await this.hangup('NORMAL_CLEARING', 'caller', true);
      throw new ChannelGone();
    }
    await this.media(0);
    if (typeof input === 'object' && 'say' in input) {
      this.trace.lines.push(`caller said: ${input.say}`);
      this.variables.detect_speech_result = `<?xml version="1.0"?><result><interpretation confidence="90"><input mode="speech">${input.say}</input></interpretation></result>`;
    } else if (typeof input === 'string' && input !== '') {
      this.trace.lines.push(`caller keyed: ${input}`);
      for (const key of input) this.event('DTMF', [['DTMF-Digit', key], ['DTMF-Duration', '2000'], ['DTMF-Source', 'UNKNOWN']], false);
      this.variables.detect_speech_result = `<?xml version="1.0"?><result><interpretation><input mode="dtmf">${input}</input></interpretation></result>`;
    } else {
      this.trace.lines.push('caller: (silence)');
      delete this.variables.detect_speech_result;
    }
    return '_none_';
  }

  private async record(arg: string): Promise<string> {
    const [file] = arg.split(' ');
    if (this.hangsUpNow()) {
      await this.hangup('NORMAL_CLEARING', 'caller', true);
      throw new ChannelGone();
    }
    const seconds = this.script.recordSeconds ?? 3;
    this.trace.lines.push(seconds > 0 ? `recorded ${seconds} s to ${file}` : `recorded silence to ${file}`);
    await this.media(0);
    Object.assign(this.variables, { record_seconds: String(seconds), record_ms: String(seconds * 1000), record_samples: String(seconds * 8000) });
    return '_none_';
  }

  private async bridge(arg: string): Promise<string> {
    const target = arg.replace(/^\{[^}]*\}/, '');
    if (this.hangsUpNow()) {
      this.trace.lines.push(`bridge to ${target}: the caller hung up while it rang`);
      await this.hangup('NORMAL_CLEARING', 'caller', true);
      throw new ChannelGone();
    }
    const outcome = this.bridges.shift() ?? 'answered';
    this.trace.lines.push(`bridge to ${target}: ${outcome}`);
    Object.assign(this.variables, bridgeVariables[outcome]);
    if (outcome === 'answered') {
      this.event('CHANNEL_BRIDGE');
      await this.media(this.script.mediaMs ?? 0);
      if (this.script.duringBridge?.()?.hangup) {
        this.trace.lines.push('the caller hung up during the conversation');
        await this.hangup('NORMAL_CLEARING', 'caller', true);
        throw new ChannelGone();
      }
      this.event('CHANNEL_UNBRIDGE');
    } else if (outcome === 'busy' && this.variables.continue_on_fail !== 'true') {
      // Without continue_on_fail FreeSWITCH hangs the socket leg up itself (outbound-bridge-busy.txt).
      await this.hangup('USER_BUSY', 'freeswitch', true);
      throw new ChannelGone();
    }
    return '_none_';
  }

  /**
   * The channel hangs up: CHANNEL_HANGUP, the socket app's completion, CHANNEL_HANGUP_COMPLETE, then the
   * disconnect notice; without linger FreeSWITCH closes the socket, with linger it waits for the client.
   * `pendingApp`: an application in progress completes after CHANNEL_HANGUP with `_none_`.
   */
  private async hangup(cause: string, by: NonNullable<DialTrace['endedBy']>, pendingApp = false): Promise<void> {
    if (this.hungUp) return;
    this.hungUp = true;
    this.trace.hangupCause = cause;
    this.trace.endedBy = by;
    if (by === 'runtime') this.trace.heard.push({ kind: 'hangup' });
    this.trace.lines.push(`hangup ${cause} by ${by}`);
    this.variables.hangup_cause = cause;
    this.event('CHANNEL_HANGUP');
    if (pendingApp) {
      const last = this.lastExecute;
      if (last) this.event('CHANNEL_EXECUTE_COMPLETE', [['Application', last.app], ['Application-Data', last.arg], ['Application-Response', '_none_'], ['Application-UUID', last.id]]);
    }
    this.event('CHANNEL_EXECUTE_COMPLETE', [['Application', 'socket'], ['Application-Data', this.variables.current_application_data], ['Application-Response', this.lastResponse]]);
    this.event('CHANNEL_HANGUP_COMPLETE');
    await delay(0);
    if (this.linger) {
      this.write(disconnectNotice(this.uuid, this.channelName, 'linger'));
    } else {
      this.write(disconnectNotice(this.uuid, this.channelName, 'disconnect'));
      this.socket.end();
    }
  }

  private get lastExecute(): { app: string; arg: string; id: string } | undefined {
    return this.current;
  }
}
