// One FreeSWITCH channel handed to the runtime over `socket … async full`, played out from a caller script.

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import type { CallerInput } from '../../flow-engine/test-case';
import { splitArgs } from '../esl/commands';
import {
  SAMPLE_SAY_LANGUAGES,
  type BridgeOutcome,
  type CallerScript,
  type DialTrace,
  type ScriptedBridge,
} from './caller-script';
import { digitsDialed } from './digits-dialed';
import {
  apiResponse,
  channelDataReply,
  commandReply,
  disconnectNotice,
  jsonEvent,
  plainEvent,
  readCommands,
  type ClientCommand,
} from './fs-frames';
import { promptPlayable } from './prompt-files';
import { sayHeard } from './say-values';

const CORE_UUID = '5a1c0d3e-0000-4000-8000-00000000f5e1';
const delay = (ms: number) =>
  new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

const bridgeVariables: Record<BridgeOutcome, Record<string, string>> = {
  answered: {
    DIALSTATUS: 'SUCCESS',
    originate_disposition: 'SUCCESS',
    bridge_hangup_cause: 'NORMAL_CLEARING',
    last_bridge_hangup_cause: 'NORMAL_CLEARING',
  },
  busy: {
    DIALSTATUS: 'BUSY',
    originate_disposition: 'USER_BUSY',
    originate_failed_cause: 'USER_BUSY',
    last_bridge_hangup_cause: 'USER_BUSY',
  },
  noAnswer: { DIALSTATUS: 'NOANSWER', originate_disposition: 'NO_ANSWER', originate_failed_cause: 'NO_ANSWER' },
  failed: {
    DIALSTATUS: 'NO_ROUTE_DESTINATION',
    originate_disposition: 'NO_ROUTE_DESTINATION',
    originate_failed_cause: 'NO_ROUTE_DESTINATION',
  },
};

/** One application: its Application-Response; `complete` sends the completion early (before a hangup). */
type AppHandler = (arg: string, complete: (response: string) => void) => string | Promise<string>;

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
  private readonly bridges: ScriptedBridge[];
  private readonly variables: Record<string, string> = {};
  private buffer = '';
  private sequence = 1000;
  private answered = false;
  private hungUp = false;
  /**
   * Channel-State as FreeSWITCH reports it: CS_EXECUTE while the socket application runs (also in CHANNEL_HANGUP and
   * the completions after it), CS_SOFT_EXECUTE once an agent is bridged by uuid_bridge, CS_PARK after a bridge with
   * park_after_bridge, then CS_HANGUP and CS_REPORTING (its own CHANNEL_STATE events) before CHANNEL_HANGUP_COMPLETE.
   */
  private state = 'CS_EXECUTE';
  private linger = false;
  /** `linger N`: seconds FreeSWITCH keeps the socket open after the hangup (-1: until the client closes). */
  private lingerSeconds = -1;
  /** Event subscription: `myevents` (the channel's events), `event FORMAT NAMES…`; nothing is sent before either. */
  private subscribed: Set<string> | 'all' = new Set();
  private format: 'plain' | 'json' = 'plain';
  /** Every DTMF the channel received, terminators included: `digits_dialed` at hangup (CDRs). */
  private dialed = '';
  /** The channel left the socket application for another extension (`transfer`); the socket stays open. */
  private transferred = false;
  /** The socket application has returned (a transfer, a uuid_bridge): its completion was sent, the socket stays open. */
  private socketReturned = false;
  /** An agent leg is bridged to this channel by uuid_bridge (`script.agent`); `bridgeNext`: bridge it once the running application completes. */
  private agentBridged = false;
  private bridgeNext = false;
  private agentTimer: NodeJS.Timeout | undefined;
  private connected = false;
  /** FreeSWITCH sent its final disconnect notice and closed its end: later commands are never read. */
  private disconnected = false;
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
    this.trace = {
      uuid: this.uuid,
      apps: [],
      lines: [],
      heard: [],
      variables: this.variables,
      hangupCause: null,
      endedBy: null,
      dialplanContinued: false,
      transferredTo: null,
      afterTransfer: [],
      resetAfterTransfer: false,
    };
    if (script.socketResume ?? true) this.variables.socket_resume = 'true';
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
        clearTimeout(this.agentTimer);
        this.breakMedia?.();
        // The runtime let go of a live channel: FreeSWITCH runs the dialplan after `socket` (fixtures: client-close).
        if (!this.hungUp && this.transferred && this.variables.socket_resume === 'true') {
          // mod_event_socket's listener, closing with socket_resume set on a channel no longer in CF_TRANSFER: CS_RESET.
          this.trace.resetAfterTransfer = true;
          this.trace.lines.push(
            'socket closed after the transfer with socket_resume=true: the channel is reset (CS_RESET), the caller hears silence',
          );
        } else if (!this.hungUp && !this.trace.transferredTo) {
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
    const callState = this.state === 'CS_REPORTING' ? 'HANGUP' : this.answered ? 'ACTIVE' : 'RINGING';
    return [
      ['Core-UUID', CORE_UUID],
      ['FreeSWITCH-Hostname', 'fs-sim'],
      ['FreeSWITCH-Switchname', 'fs-sim'],
      ['FreeSWITCH-IPv4', '192.0.2.2'],
      ['Event-Date-Timestamp', String(Date.now() * 1000)],
      ['Event-Calling-File', 'esl-simulator'],
      ['Event-Sequence', String(this.sequence++)],
      ['Channel-State', this.state],
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
    if (this.subscribed !== 'all' && !this.subscribed.has(name) && !this.subscribed.has('ALL')) return;
    const hangup: [string, string][] =
      this.hungUp && this.trace.hangupCause ? [['Hangup-Cause', this.trace.hangupCause]] : [];
    const headers: [string, string][] = [
      ['Event-Name', name],
      ...this.channelHeaders(),
      ...hangup,
      ...(withVariables ? this.variableHeaders() : []),
      ...extra,
    ];
    this.write(this.format === 'json' ? jsonEvent(headers) : plainEvent(headers));
  }

  /**
   * Keys reach the channel: each is a DTMF event and goes into `digits_dialed`, except with `sensitive_dtmf=true`,
   * which suppresses the events and the record (outbound-digits-dialed-cdr.txt).
   */
  private receiveDtmf(keys: string): void {
    if (this.variables.sensitive_dtmf === 'true') return;
    for (const key of keys) {
      this.dialed += key;
      this.event(
        'DTMF',
        [
          ['DTMF-Digit', key],
          ['DTMF-Duration', '2000'],
          ['DTMF-Source', 'UNKNOWN'],
        ],
        false,
      );
    }
  }

  private onData(text: string): void {
    const { commands, rest } = readCommands(this.buffer + text);
    this.buffer = rest;
    for (const command of commands) this.onCommand(command);
  }

  private onCommand(command: ClientCommand): void {
    // FreeSWITCH closed the connection: nothing more is read from it.
    if (this.disconnected) return;
    const [verb, ...words] = command.line.split(' ');
    const arg = words.join(' ');
    if (!this.connected) {
      if (verb !== 'connect') return this.write(commandReply('-ERR command not found'));
      this.connected = true;
      this.write(
        channelDataReply([['Event-Name', 'CHANNEL_DATA'], ...this.channelHeaders(), ...this.variableHeaders()]),
      );
      if (this.script.hangupAfterConnect) this.hangupBeforeSubscribing();
      return;
    }
    switch (verb) {
      case 'linger':
        this.linger = true;
        if (/^\d+$/.test(words[0] ?? '')) {
          this.lingerSeconds = Number(words[0]);
          return this.write(commandReply(`+OK will linger ${this.lingerSeconds} seconds`));
        }
        return this.write(commandReply('+OK will linger'));
      case 'nolinger':
        this.linger = false;
        return this.write(commandReply('+OK will not linger'));
      case 'myevents':
        this.subscribed = 'all';
        if (words[0] === 'json') this.format = 'json';
        return this.write(commandReply('+OK Events Enabled'));
      case 'event': {
        const [format = 'plain', ...names] = words;
        if (format === 'json') this.format = 'json';
        if (this.subscribed !== 'all') for (const name of names) this.subscribed.add(name);
        return this.write(commandReply(`+OK event listener enabled ${format}`));
      }
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
          this.queue = this.queue.then(() =>
            this.hangup(command.headers['hangup-cause'] ?? 'NORMAL_CLEARING', 'runtime'),
          );
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

  /**
   * The caller is gone right after `connect`: the channel hangs up while the socket has no subscription and no linger,
   * so mod_event_socket's listener, finding the channel down, sends only the disconnect notice and closes.
   */
  private hangupBeforeSubscribing(): void {
    this.hungUp = true;
    this.trace.hangupCause = 'NORMAL_CLEARING';
    this.trace.endedBy = 'caller';
    this.variables.hangup_cause = 'NORMAL_CLEARING';
    this.trace.lines.push('hangup NORMAL_CLEARING by caller, right after connect (no events subscribed yet)');
    this.write(disconnectNotice(this.uuid, this.channelName, 'disconnect'));
    this.disconnected = true;
    this.socket.end();
  }

  private onApi(arg: string): void {
    const [name, uuid, ...rest] = arg.split(' ');
    if (name === 'uuid_break') {
      if (uuid !== this.uuid) return this.write(apiResponse('-ERR No such channel!\n'));
      this.breakMedia?.();
      return this.write(apiResponse('+OK\n'));
    }
    if (name === 'uuid_record' && (rest[0] === 'mask' || rest[0] === 'unmask')) {
      if (uuid !== this.uuid) return this.write(apiResponse('-ERR Cannot locate session!\n'));
      this.trace.lines.push(`uuid_record ${rest[0]} ${rest.slice(1).join(' ')}`);
      return this.write(apiResponse('+OK Success\n'));
    }
    if (name === 'uuid_getvar')
      return this.write(
        apiResponse(uuid === this.uuid ? (this.variables[rest[0] ?? ''] ?? '_undef_') : '-ERR No such channel!\n'),
      );
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
      return text.length > 0
        ? { kind: 'play', voice: `${engine}|${voice}`, text: text.join('|') }
        : { kind: 'play', voice: `${this.variables.tts_engine}|${this.variables.tts_voice}`, text: arg };
    }
    if (app === 'say') {
      const [module, type = '', , ...value] = arg.split(' ');
      return { kind: 'play', voice: module, text: sayHeard(type, value.join(' '), this.variables, module) };
    }
    if (arg.startsWith('say:'))
      return { kind: 'play', voice: `${this.variables.tts_engine}|${this.variables.tts_voice}`, text: arg.slice(4) };
    return { kind: 'play', file: true, text: arg };
  }

  /** The pieces of an input's prompt (`file_string://a!b`), as heard; silence is not. */
  private heardPrompt(file: string): void {
    const pieces = file.startsWith('file_string://') ? file.slice('file_string://'.length).split('!') : [file];
    for (const piece of pieces) if (!piece.startsWith('silence_stream://')) this.hear(this.heardOf('playback', piece));
  }

  /**
   * A piece reaches the caller, except text flite cannot speak: its voices read Latin letters and digits only, so
   * Chinese text is silence (speak returns in 1–20 ms on FreeSWITCH 1.10.12, issue 14).
   */
  private hear(piece: Extract<import('./caller-script').HeardEvent, { kind: 'play' }>): void {
    if (piece.voice?.startsWith('flite|') && !/[A-Za-z0-9]/.test(piece.text)) {
      this.trace.lines.push(`heard nothing: flite has no voice for "${piece.text}"`);
      return;
    }
    this.trace.heard.push(piece);
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
    // An unknown application gets no CHANNEL_EXECUTE either (outbound-speak-missing-file-unknown-app.txt).
    const handler = Object.hasOwn(this.apps, app) ? this.apps[app] : undefined;
    if (!handler) {
      await this.hangup('DESTINATION_OUT_OF_ORDER', 'freeswitch');
      return;
    }
    this.event('CHANNEL_EXECUTE', appHeaders());
    let response = '_none_';
    const complete = (early?: string) => {
      if (early !== undefined) response = early;
      this.trace.apps.push({ app, arg, response });
      if (this.transferred && app !== 'transfer') this.trace.afterTransfer.push({ app, arg, response });
      this.lastResponse = response;
      this.event('CHANNEL_EXECUTE_COMPLETE', [
        ...appHeaders().slice(0, 2),
        ['Application-Response', response],
        ['Application-UUID', id],
      ]);
      this.completedAt = performance.now();
    };
    try {
      response = await handler(arg, complete);
    } catch (error) {
      if (!(error instanceof ChannelGone)) throw error;
      return;
    }
    complete();
    if (this.bridgeNext) this.bridgeAgent();
  }

  /**
   * `uuid_bridge <this> <agent>` from outside the socket (acd-uuid-bridge-agent.txt, outbound-callcenter.txt): the
   * socket application returns (CHANNEL_UNPARK, its completion repeating the last response) but the socket stays open
   * and keeps getting events and running commands; then the uuid_bridge execute and CHANNEL_BRIDGE.
   */
  private bridgeAgent(): void {
    this.bridgeNext = false;
    this.agentBridged = true;
    this.socketReturned = true;
    const agent = randomUUID();
    this.trace.lines.push('an agent was bridged to the caller (uuid_bridge)');
    this.event('CHANNEL_UNPARK');
    this.event('CHANNEL_EXECUTE_COMPLETE', [
      ['Application', 'socket'],
      ['Application-Data', this.variables.current_application_data ?? ''],
      ['Application-Response', this.lastResponse],
    ]);
    this.state = 'CS_SOFT_EXECUTE';
    this.event('CHANNEL_EXECUTE', [
      ['Application', 'uuid_bridge'],
      ['Application-Data', agent],
    ]);
    this.event('CHANNEL_BRIDGE', [['Other-Leg-Unique-ID', agent]]);
    const talkMs = this.script.agent?.talkMs;
    if (talkMs !== undefined) this.agentTimer = setTimeout(() => void this.agentHangsUp(), talkMs);
  }

  /**
   * The agent hangs up first: CHANNEL_UNBRIDGE; with `park_after_bridge=true` the caller's leg parks and the socket
   * keeps control, otherwise the dialplan after `socket` runs out and FreeSWITCH hangs the caller up itself.
   */
  private async agentHangsUp(): Promise<void> {
    if (this.hungUp || this.closed || !this.agentBridged) return;
    this.agentBridged = false;
    this.event('CHANNEL_UNBRIDGE');
    if (this.variables.park_after_bridge === 'true') {
      this.trace.lines.push('the agent hung up: the caller is parked (park_after_bridge=true)');
      this.state = 'CS_PARK';
      this.event('CHANNEL_PARK');
      return;
    }
    this.state = 'CS_EXECUTE';
    this.trace.lines.push('the agent hung up: the dialplan after socket ran out');
    await this.hangup('NORMAL_CLEARING', 'freeswitch');
  }

  /**
   * The applications the simulated FreeSWITCH has (mod_dptools and friends as the fixtures were recorded), each returning
   * its Application-Response; `complete` lets one send its completion before a hangup. Others hang the call up.
   */
  private readonly apps: Record<string, AppHandler> = {
    answer: () => {
      this.answered = true;
      this.trace.heard.push({ kind: 'answer', earlyMedia: false });
      this.event('CHANNEL_ANSWER');
      return '_none_';
    },
    pre_answer: () => {
      this.trace.heard.push({ kind: 'answer', earlyMedia: true });
      this.event('CHANNEL_PROGRESS_MEDIA');
      return '_none_';
    },
    flush_dtmf: () => {
      this.dtmfBuffer = '';
      return '_none_';
    },
    playback: (arg) => this.playMedia('playback', arg),
    speak: (arg) => this.playMedia('speak', arg),
    say: (arg) => this.playMedia('say', arg),
    set: (arg) => {
      const eq = arg.indexOf('=');
      if (eq > 0) this.variables[arg.slice(0, eq)] = arg.slice(eq + 1);
      return '_none_';
    },
    export: (arg) => {
      // Also listed in export_vars; a `nolocal:` name is kept as it is, there and on this leg (outbound-set-export-vars.txt).
      const eq = arg.indexOf('=');
      if (eq <= 0) return '_none_';
      const name = arg.slice(0, eq);
      this.variables[name] = arg.slice(eq + 1);
      this.variables.export_vars = this.variables.export_vars ? `${this.variables.export_vars},${name}` : name;
      return '_none_';
    },
    multiset: (arg) => {
      for (const pair of arg.split(' ')) {
        const eq = pair.indexOf('=');
        if (eq > 0) this.variables[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      return '_none_';
    },
    unset: (arg) => {
      delete this.variables[arg];
      return '_none_';
    },
    sleep: async (arg) => {
      await this.media(Math.min(Number(arg) || 0, this.script.mediaMs ?? 0));
      return '_none_';
    },
    record_session: (arg) => this.noted('record_session', arg),
    stop_record_session: (arg) => this.noted('stop_record_session', arg),
    record_session_mask: (arg) => this.noted('record_session_mask', arg),
    record_session_unmask: (arg) => this.noted('record_session_unmask', arg),
    // Without an ASR module detect_speech (and `detect_speech stop`) completes with _none_: nothing says it failed.
    detect_speech: () => '_none_',
    play_and_get_digits: (arg) => this.playAndGetDigits(arg),
    play_and_detect_speech: (arg) => this.playAndDetectSpeech(arg),
    record: (arg) => this.record(arg),
    bridge: (arg) => this.bridge(arg),
    callcenter: (arg) => this.callcenter(arg),
    hangup: async (arg) => {
      // CHANNEL_HANGUP comes before the hangup application's own completion (outbound-digits-dialed-cdr.txt).
      await this.hangup(arg || 'NORMAL_CLEARING', 'runtime', '_none_');
      throw new ChannelGone();
    },
    transfer: (arg, complete) => this.transfer(arg, complete),
  };

  /** An application the simulator only notes in the trace (recording control): it completes with _none_. */
  private noted(app: string, arg: string): string {
    this.trace.lines.push(`${app} ${arg}`);
    return '_none_';
  }

  /** playback, speak and say: what the caller hears, keys and hangups during it, and FreeSWITCH's refusals. */
  private async playMedia(app: 'playback' | 'speak' | 'say', arg: string): Promise<string> {
    // Hold music: a local stream, or a tone that loops forever (acd-agent-no-answer.txt); it plays until uuid_break.
    // FreeSWITCH as installed has no local_stream source ("Unknown source moh"): FILE NOT FOUND at once.
    if (
      app === 'playback' &&
      arg.startsWith('local_stream://') &&
      !this.script.localStreams?.includes(arg.slice('local_stream://'.length).split('/')[0] ?? '')
    ) {
      this.trace.lines.push(`hold music not found (no local_stream source): ${arg}`);
      return 'FILE NOT FOUND';
    }
    // A file FreeSWITCH reads from the disk the simulator was pointed at: missing there, FILE NOT FOUND at once.
    if (
      app === 'playback' &&
      this.script.soundsOnDisk &&
      arg.startsWith(this.script.soundsOnDisk) &&
      !existsSync(arg)
    ) {
      this.trace.lines.push(`file not found: ${arg}`);
      return 'FILE NOT FOUND';
    }
    const endless =
      app === 'playback' &&
      (arg.startsWith('local_stream://') || (arg.startsWith('tone_stream://') && /;loops=/.test(arg)));
    if (endless && this.script.agent && !this.agentBridged && !this.socketReturned) {
      // The ACD bridges its agent while the caller is on hold: uuid_bridge cuts the music with PLAYBACK ERROR.
      this.trace.lines.push(`hold music until an agent is bridged: ${arg}`);
      await this.media(0);
      this.bridgeNext = true;
      return 'PLAYBACK ERROR';
    }
    // switch_ivr_say finds no <language> for the module: it logs and returns at once, nothing played (issue 14 suite).
    const language = app === 'say' ? arg.split(' ')[0] : undefined;
    if (language !== undefined && !(this.script.sayLanguages ?? SAMPLE_SAY_LANGUAGES).includes(language)) {
      this.trace.lines.push(`Can't find language ${language}.`);
      return '_none_';
    }
    // A tone that is not hold music: the beep before a recording.
    const tone = app === 'playback' && arg.startsWith('tone_stream://') && !endless;
    this.trace.lines.push(
      `${app === 'playback' ? (endless ? 'hold music' : 'played') : app === 'speak' ? 'spoke' : 'said'}: ${app === 'speak' ? arg.split('|').slice(2).join('|') : arg}`,
    );
    // Hold music and the recording beep are not prompts.
    if (!endless && !tone) this.hear(this.heardOf(app, arg));
    const reaction = endless || tone ? undefined : this.script.duringPrompt?.();
    if (app === 'playback' && this.script.missingFiles?.includes(arg)) return 'FILE NOT FOUND';
    // playback, speak and say clear playback_terminator_used; a key in playback_terminators (default `*`, `any`,
    // `none`) stops them, is consumed and is left there (mod_dptools on_dtmf; outbound-dtmf-during-playback.txt).
    delete this.variables.playback_terminator_used;
    let stopped = false;
    if (reaction?.keys) {
      this.receiveDtmf(reaction.keys);
      const setting = this.variables.playback_terminators ?? '*';
      const terminators = setting === 'any' ? '1234567890*#' : setting === 'none' ? '' : setting;
      const at = [...reaction.keys].findIndex((key) => terminators.includes(key));
      if (at >= 0 && !tone) {
        // at is from findIndex over these same (one-unit DTMF) keys, so in range.
        this.variables.playback_terminator_used = reaction.keys[at]!;
        this.dtmfBuffer += reaction.keys.slice(at + 1);
        stopped = true;
      } else {
        this.dtmfBuffer += reaction.keys;
      }
    }
    if (reaction?.hangup || (!tone && this.hangsUpNow())) {
      await this.media(0);
      // CHANNEL_HANGUP first, then the playback completes with PLAYBACK ERROR (outbound-caller-hangup-during-playback.txt).
      await this.hangup('NORMAL_CLEARING', 'caller', app === 'playback' ? 'PLAYBACK ERROR' : '_none_');
      throw new ChannelGone();
    }
    // Hold music plays until uuid_break (or the hangup); everything else for mediaMs, unless a terminator stopped it.
    await this.media(stopped ? 0 : endless ? -1 : (this.script.mediaMs ?? 0));
    return app === 'playback' ? 'FILE PLAYED' : '_none_';
  }

  private transfer(arg: string, complete: (response: string) => void): never {
    // The channel leaves the parked socket application for another extension: the socket application returns
    // (its CHANNEL_EXECUTE_COMPLETE), but the socket stays open and FreeSWITCH still runs what is sent on it, now
    // inside that extension (acd-uuid-bridge-agent.txt shows the same after uuid_bridge). Nothing ends here.
    const [extension, , context] = splitArgs(arg);
    this.trace.transferredTo = `${extension}@${context ?? 'default'}`;
    this.trace.lines.push(`transferred to ${this.trace.transferredTo}`);
    this.transferred = true;
    this.socketReturned = true;
    complete('_none_');
    this.event('CHANNEL_EXECUTE_COMPLETE', [
      ['Application', 'socket'],
      ['Application-Data', this.variables.current_application_data ?? ''],
      ['Application-Response', '_none_'],
    ]);
    throw new ChannelGone();
  }

  /** `min max tries timeout terminators file invalid_file var regexp digit_timeout`: one scripted input per try. */
  private async playAndGetDigits(arg: string): Promise<string> {
    const [min, max, tries, , terminators, file, , variable, regexp] = splitArgs(arg);
    if (terminators === undefined || file === undefined || variable === undefined || regexp === undefined)
      throw new Error(`play_and_get_digits needs 9 arguments, got "${arg}"`);
    // It clears both when it starts (outbound-play-and-get-digits-file-string-say.txt).
    delete this.variables.read_result;
    delete this.variables[variable];
    const unplayable = promptPlayable(file, this.variables);
    if (unplayable) {
      // FreeSWITCH logs the reason, plays the invalid prompt and completes with _none_: no read_result, no digits,
      // and the caller never got to key (the scripted input stays for the next input).
      this.trace.lines.push(`prompt not played (${unplayable}): ${file}`);
      await this.media(0);
      return '_none_';
    }
    for (let attempt = 1; attempt <= Math.max(1, Number(tries) || 1); attempt++) {
      this.trace.lines.push(`prompt: ${file}`);
      this.heardPrompt(file);
      // Keys already in the channel's buffer are read first (the driver flushes them before an input).
      const buffered = this.dtmfBuffer;
      this.dtmfBuffer = '';
      const scripted = buffered ? undefined : this.inputs.shift();
      const input = buffered || scripted;
      if (input === undefined || (typeof input === 'object' && 'hangup' in input)) {
        // CHANNEL_HANGUP comes first, then the application's completion without read_result (outbound-caller-hangup-during-collect.txt).
        await this.hangup('NORMAL_CLEARING', 'caller', '_none_');
        throw new ChannelGone();
      }
      if (typeof input !== 'string' || input === '') {
        this.trace.lines.push('caller: (silence)');
        await this.media(0);
        this.variables.read_result = 'failure';
        continue;
      }
      this.trace.lines.push(`caller keyed: ${input}`);
      let digits = '';
      let terminator = '';
      let used = 0;
      for (const key of input) {
        used++;
        if (terminators !== 'none' && terminators.includes(key)) {
          terminator = key;
          break;
        }
        digits += key;
        if (digits.length >= Number(max)) break;
      }
      if (!buffered) this.receiveDtmf(input.slice(0, used));
      await this.media(0);
      const ok = digits.length >= Number(min) && new RegExp(regexp).test(digits);
      this.variables.read_result = ok ? 'success' : 'failure';
      if (terminator) this.variables.read_terminator_used = terminator;
      // Keys after the last one read (max digits reached) arrive once the application has completed.
      const late = buffered ? '' : input.slice(used);
      if (late) setImmediate(() => this.receiveDtmf(late));
      if (ok) {
        this.variables[variable] = digits;
        break;
      }
    }
    return '_none_';
  }

  private async playAndDetectSpeech(arg: string): Promise<string> {
    // Without an ASR module it fails at once and plays nothing (outbound-play-and-detect-speech-no-asr.txt).
    if (!this.script.asr) return 'ASR INIT ERROR';
    const [prompt = ''] = splitArgs(arg);
    this.trace.lines.push(`prompt: ${prompt}`);
    this.heardPrompt(prompt);
    const input = this.inputs.shift();
    if (input === undefined || (typeof input === 'object' && 'hangup' in input)) {
      await this.hangup('NORMAL_CLEARING', 'caller', '_none_');
      throw new ChannelGone();
    }
    await this.media(0);
    if (typeof input === 'object' && 'say' in input) {
      this.trace.lines.push(`caller said: ${input.say}`);
      this.variables.detect_speech_result = `<?xml version="1.0"?><result><interpretation confidence="90"><input mode="speech">${input.say}</input></interpretation></result>`;
    } else if (typeof input === 'string' && input !== '') {
      this.trace.lines.push(`caller keyed: ${input}`);
      this.receiveDtmf(input);
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
      await this.hangup('NORMAL_CLEARING', 'caller', '_none_');
      throw new ChannelGone();
    }
    if (this.script.callerAudio === false) return this.recordNothing(arg);
    const seconds = this.script.recordSeconds ?? 3;
    this.trace.lines.push(seconds > 0 ? `recorded ${seconds} s to ${file}` : `recorded silence to ${file}`);
    await this.media(0);
    Object.assign(this.variables, {
      record_seconds: String(seconds),
      record_ms: String(seconds * 1000),
      record_samples: String(seconds * 8000),
    });
    return '_none_';
  }

  /**
   * `record PATH LIMIT THRESH HITS` on a leg that sends no audio. FreeSWITCH still reads a frame every 20 ms (mod_loopback
   * and RTP give comfort-noise frames when nothing arrives), none of them written to the file: with a threshold the
   * all-zero frames are silence, so it ends after HITS seconds (3 without HITS) with `silence_hits_exhausted=true`;
   * without one it ends once more than LIMIT wall-clock seconds have passed (switch_ivr_record_file_event). Nothing
   * recorded: record_seconds, record_ms and record_samples 0. uuid_break or a hangup ends it sooner.
   */
  private async recordNothing(arg: string): Promise<string> {
    const [file, limitArg, threshArg, hitsArg] = arg.split(' ');
    const limit = Number.parseInt((limitArg ?? '').replace(/^\+/, ''), 10) || 0;
    const thresh = Number.parseInt(threshArg ?? '', 10) || 0;
    const hits = thresh > 0 ? Number.parseInt(hitsArg ?? '', 10) || 3 : 0;
    // The limit is checked as `now - start > limit` in whole epoch seconds: it ends between LIMIT and LIMIT + 1 s.
    const byLimit = limit > 0 ? limit * 1000 + 500 : -1;
    const bySilence = hits > 0 ? hits * 1000 : -1;
    const silenceFirst = bySilence >= 0 && (byLimit < 0 || bySilence <= byLimit);
    const ms = silenceFirst ? bySilence : byLimit;
    this.trace.lines.push(`recording to ${file}: no audio comes in`);
    let limitReached = false;
    const timer =
      ms >= 0
        ? setTimeout(() => {
            limitReached = true;
            this.breakMedia?.();
          }, ms)
        : undefined;
    await this.media(-1);
    clearTimeout(timer);
    if (this.hungUp || this.closed) throw new ChannelGone();
    const exhausted = limitReached && silenceFirst;
    this.trace.lines.push(
      `recording to ${file} ended ${limitReached ? (exhausted ? `by ${hits} s of silence` : `by its ${limit} s limit`) : 'by uuid_break'}: 0 s recorded`,
    );
    Object.assign(this.variables, {
      silence_hits_exhausted: String(exhausted),
      record_seconds: '0',
      record_ms: '0',
      record_samples: '0',
    });
    return '_none_';
  }

  /**
   * mod_callcenter's `callcenter QUEUE`: the caller waits in the queue; once an agent answers it completes with _none_
   * and the agent is bridged by uuid_bridge (outbound-callcenter.txt). With no agent it waits until the caller hangs up.
   */
  private async callcenter(queue: string): Promise<string> {
    this.trace.lines.push(`waiting in queue ${queue}`);
    if (this.script.agent) {
      await this.media(0);
      this.bridgeNext = true;
      return '_none_';
    }
    if (this.hangsUpNow()) {
      await this.hangup('NORMAL_CLEARING', 'caller', '_none_');
      throw new ChannelGone();
    }
    await this.media(-1);
    return '_none_';
  }

  private async bridge(arg: string): Promise<string> {
    const target = arg.replace(/^\{[^}]*\}/, '');
    if (this.hangsUpNow()) {
      this.trace.lines.push(`bridge to ${target}: the caller hung up while it rang`);
      await this.hangup('NORMAL_CLEARING', 'caller', '_none_');
      throw new ChannelGone();
    }
    const refused = /^error\/([a-z_]+)/.exec(target);
    if (refused) {
      // The error endpoint fails at once with its cause, no channel created (outbound-bridge-failures.txt).
      const cause = (refused[1] ?? '').toUpperCase();
      this.trace.lines.push(`bridge to ${target}: ${cause}`);
      Object.assign(this.variables, { DIALSTATUS: cause, originate_disposition: cause, originate_failed_cause: cause });
      return '_none_';
    }
    const scripted = this.bridges.shift() ?? 'answered';
    const far = typeof scripted === 'string' ? { outcome: scripted } : scripted;
    if (far.ringMs !== undefined) {
      // The far end sent ring_ready: the answered socket leg hears ringback and gets no event until the outcome.
      this.trace.lines.push(`bridge to ${target}: ringing ${far.ringMs} ms`);
      await this.media(far.ringMs);
      if (this.hungUp || this.closed) throw new ChannelGone();
    }
    if (far.hangup) {
      // CHANNEL_HANGUP, then the bridge completes (originate cancelled) as for any hangup during an application.
      this.trace.lines.push(`bridge to ${target}: the caller hung up while it rang`);
      await this.hangup('NORMAL_CLEARING', 'caller', '_none_');
      throw new ChannelGone();
    }
    const outcome = far.outcome ?? 'answered';
    this.trace.lines.push(`bridge to ${target}: ${outcome}`);
    Object.assign(this.variables, bridgeVariables[outcome]);
    if (outcome === 'answered') {
      this.event('CHANNEL_BRIDGE');
      await this.media(this.script.mediaMs ?? 0);
      if (this.script.duringBridge?.()?.hangup) {
        this.trace.lines.push('the caller hung up during the conversation');
        await this.hangup('NORMAL_CLEARING', 'caller', '_none_');
        throw new ChannelGone();
      }
      this.event('CHANNEL_UNBRIDGE');
    } else if (outcome === 'busy' && this.variables.continue_on_fail !== 'true') {
      // Without continue_on_fail FreeSWITCH hangs the socket leg up itself (outbound-bridge-busy.txt).
      await this.hangup('USER_BUSY', 'freeswitch', '_none_');
      throw new ChannelGone();
    }
    return '_none_';
  }

  /**
   * The channel hangs up: CHANNEL_HANGUP, the completion of the application in progress (`pendingResponse`), the
   * socket app's completion, CHANNEL_HANGUP_COMPLETE (with `digits_dialed`), then the disconnect notice; without
   * linger FreeSWITCH closes the socket, with linger it waits for the client (or `linger N` seconds).
   */
  private async hangup(cause: string, by: NonNullable<DialTrace['endedBy']>, pendingResponse?: string): Promise<void> {
    if (this.hungUp) return;
    this.hungUp = true;
    this.trace.hangupCause = cause;
    this.trace.endedBy = by;
    if (by === 'runtime') this.trace.heard.push({ kind: 'hangup' });
    this.trace.lines.push(`hangup ${cause} by ${by}`);
    this.variables.hangup_cause = cause;
    this.event('CHANNEL_HANGUP');
    const last = this.lastExecute;
    if (pendingResponse !== undefined && last) {
      this.trace.apps.push({ app: last.app, arg: last.arg, response: pendingResponse });
      if (this.transferred) this.trace.afterTransfer.push({ app: last.app, arg: last.arg, response: pendingResponse });
      this.lastResponse = pendingResponse;
      this.event('CHANNEL_EXECUTE_COMPLETE', [
        ['Application', last.app],
        ['Application-Data', last.arg],
        ['Application-Response', pendingResponse],
        ['Application-UUID', last.id],
      ]);
    }
    // Hung up while bridged to an agent: the bridge ends after the hangup application's completion (eavesdrop-listen-whisper-barge.txt).
    if (this.agentBridged) {
      this.agentBridged = false;
      clearTimeout(this.agentTimer);
      this.event('CHANNEL_UNBRIDGE');
    }
    // The socket application (or the park after a bridge) returns: CHANNEL_UNPARK, then the socket's completion.
    if (!this.socketReturned || this.state === 'CS_PARK') this.event('CHANNEL_UNPARK');
    if (!this.socketReturned)
      this.event('CHANNEL_EXECUTE_COMPLETE', [
        ['Application', 'socket'],
        ['Application-Data', this.variables.current_application_data ?? ''],
        ['Application-Response', this.lastResponse],
      ]);
    for (const state of ['CS_HANGUP', 'CS_REPORTING']) {
      this.state = state;
      this.event('CHANNEL_STATE', [['Channel-State-Number', state === 'CS_HANGUP' ? '10' : '11']]);
    }
    this.variables.digits_dialed = digitsDialed(this.dialed, this.variables);
    this.event('CHANNEL_HANGUP_COMPLETE');
    await delay(0);
    if (this.linger) {
      this.write(disconnectNotice(this.uuid, this.channelName, 'linger', this.lingerSeconds));
      if (this.lingerSeconds >= 0) {
        setTimeout(() => {
          this.write(disconnectNotice(this.uuid, this.channelName, 'disconnect'));
          this.socket.end();
        }, this.lingerSeconds * 1000).unref();
      }
    } else {
      this.write(disconnectNotice(this.uuid, this.channelName, 'disconnect'));
      this.socket.end();
    }
  }

  private get lastExecute(): { app: string; arg: string; id: string } | undefined {
    return this.current;
  }
}
