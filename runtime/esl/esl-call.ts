// One call's outbound event socket behind a small typed API: commands, executes correlated by Application-UUID, bridge, hangup.

import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Connection, Event } from 'drachtio-modesl';
import { uuidBreak } from './commands';
import { CallGoneError, EslCommandError, EslTimeoutError } from './errors';
import { textFieldsOf } from './record-event';

/** An event's headers with their values decoded, and its body. */
export interface EslFrame {
  headers: Record<string, string>;
  body: string;
}

export interface EslCallOptions {
  /** Longest wait for a command reply (default 5 s). */
  commandTimeoutMs?: number;
  /** After the hangup, how long we wait for CHANNEL_HANGUP_COMPLETE before closing a lingering socket (default 2 s). */
  lingerCloseMs?: number;
}

interface PendingExecute {
  app: string;
  /** Called on the application's CHANNEL_EXECUTE (it is running: uuid_break can now stop it). */
  started?: () => void;
  resolve(frame: EslFrame): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
}

export interface EslCallEvents {
  hangup: [cause: string];
  /** The socket closed: the call is over for us. Emitted once. */
  closed: [];
  /** A protocol or socket error (logged and counted by the owner; the call is ended by `closed`). */
  protocolError: [error: Error];
  /** CHANNEL_BRIDGE: the caller is talking to a far end (transfer, agent). */
  bridged: [];
}

/** The channel events a call acts on (myevents sends more; keys are read from play_and_get_digits' variables, not DTMF events). */
const CALL_EVENTS = new Set([
  'CHANNEL_EXECUTE',
  'CHANNEL_EXECUTE_COMPLETE',
  'CHANNEL_BRIDGE',
  'CHANNEL_HANGUP',
  'CHANNEL_HANGUP_COMPLETE',
]);

/** Our view of an event: decoded headers as a record (the parser's own record when it holds only text). */
export function frameOf(event: Event): EslFrame {
  const fields = textFieldsOf(event);
  if (fields) return { headers: fields, body: event.getBody() ?? '' };
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { name, value } of event.headers) headers[name] = String(value);
  return { headers, body: event.getBody() ?? '' };
}

/**
 * The call FreeSWITCH handed to us over `socket … async full`. Every command goes through `sendRecv`, so the
 * library's reply queue stays aligned; every wait has a timeout; everything pending is rejected with
 * CallGoneError when the channel hangs up, a disconnect notice arrives or the socket closes (drachtio-modesl
 * would otherwise wait forever, modesl #84).
 */
export class EslCall extends EventEmitter<EslCallEvents> {
  readonly uuid: string;
  /** CHANNEL_DATA from `connect`. */
  readonly channel: Record<string, string>;
  private readonly pending = new Map<string, PendingExecute>();
  private readonly commandTimeoutMs: number;
  private readonly lingerCloseMs: number;
  private gone: CallGoneError | undefined;
  private closed = false;
  private lingerTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    options: EslCallOptions = {},
  ) {
    super();
    this.commandTimeoutMs = options.commandTimeoutMs ?? 5000;
    this.lingerCloseMs = options.lingerCloseMs ?? 2000;
    const data = connection.getInfo();
    this.channel = data ? frameOf(data).headers : {};
    this.uuid = this.channel['Unique-ID'] ?? this.channel['Channel-Unique-ID'] ?? '';
    // One listener on the parser for every frame, dispatched by name: seven wildcard listeners on the connection made
    // EventEmitter2 walk its listener tree for every frame (≈ 4 % of the runtime's CPU under load).
    connection.parser.on('esl::event', this.onFrame as (...args: unknown[]) => void);
    connection.on('error', (error) =>
      this.emit('protocolError', error instanceof Error ? error : new Error(String(error))),
    );
    connection.on('esl::end', () => this.onSocketClosed());
  }

  private readonly onFrame = (event: Event, headers: Record<string, string | number>): void => {
    const type = headers['Content-Type'];
    if (type === 'text/disconnect-notice') return this.onDisconnectNotice(frameOf(event));
    if (type !== 'text/event-plain' && type !== 'text/event-json' && type !== 'text/event-xml') return;
    const name = event.getHeader('Event-Name');
    if (!name || !CALL_EVENTS.has(name)) return;
    const owner = event.getHeader('Unique-ID');
    if (owner && owner !== this.uuid) return;
    const frame = frameOf(event);
    switch (name) {
      case 'CHANNEL_EXECUTE': {
        const id = frame.headers['Application-UUID'];
        (id ? this.pending.get(id) : undefined)?.started?.();
        return;
      }
      case 'CHANNEL_EXECUTE_COMPLETE': {
        const id = frame.headers['Application-UUID'];
        const waiting = id ? this.pending.get(id) : undefined;
        if (!id || !waiting) return;
        this.pending.delete(id);
        clearTimeout(waiting.timer);
        waiting.resolve(frame);
        return;
      }
      case 'CHANNEL_BRIDGE':
        this.emit('bridged');
        return;
      case 'CHANNEL_HANGUP': {
        const cause = frame.headers['Hangup-Cause'] ?? 'NORMAL_CLEARING';
        this.markGone('hangup', cause);
        this.emit('hangup', cause);
        // With linger FreeSWITCH keeps the socket open for late events; we close it once they are in.
        this.lingerTimer = setTimeout(() => this.close(), this.lingerCloseMs);
        return;
      }
      case 'CHANNEL_HANGUP_COMPLETE':
        this.close();
        return;
    }
  };

  private onDisconnectNotice(frame: EslFrame): void {
    this.markGone('disconnectNotice');
    // `disconnect`: FreeSWITCH closes the socket itself. `linger`: we close it after the grace period.
    if (frame.headers['Content-Disposition'] !== 'disconnect') {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = setTimeout(() => this.close(), this.lingerCloseMs);
    }
  }

  /** The socket is closed (`closed` was emitted): a call handed on after its caller left at once already is. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Set once the channel hung up or the socket closed. */
  get goneReason(): CallGoneError | undefined {
    return this.gone;
  }

  /** A raw command (`linger`, `myevents`, `resume`…); resolves with Reply-Text, rejects on -ERR. */
  command(text: string, headers?: Record<string, string>): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(this.gone ?? new CallGoneError('socketClosed'));
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(new EslTimeoutError(text, this.commandTimeoutMs));
      }, this.commandTimeoutMs);
      const done = (error: Error | undefined, reply: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(reply);
      };
      this.replyWaiters.add(done);
      this.connection.sendRecv(text, headers ?? null, (event: Event) => {
        this.replyWaiters.delete(done);
        const reply = event.getHeader('Reply-Text') ?? '';
        done(reply.startsWith('-ERR') ? new EslCommandError(text, reply) : undefined, reply);
      });
    });
  }

  private readonly replyWaiters = new Set<(error: Error | undefined, reply: string) => void>();

  /**
   * Run a dialplan application on the channel and resolve with its CHANNEL_EXECUTE_COMPLETE. Rejects with
   * CallGoneError when the call ends first, EslTimeoutError after `timeoutMs`, EslCommandError when FreeSWITCH refuses
   * the sendmsg. One promise and one timer per application: the sendmsg reply needs no wait of its own, since the
   * application's timeout bounds it and a gone call rejects every pending application (markGone).
   */
  execute(app: string, arg: string, timeoutMs: number, started?: () => void): Promise<EslFrame> {
    if (this.gone) return Promise.reject(this.gone);
    const id = randomUUID();
    return new Promise<EslFrame>((resolve, reject) => {
      const entry: PendingExecute = { app, resolve, reject, timer: undefined, started };
      entry.timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new EslTimeoutError(`${app} ${arg}`.trim(), timeoutMs));
      }, timeoutMs);
      this.pending.set(id, entry);
      const headers: Record<string, string> = { 'call-command': 'execute', 'execute-app-name': app, 'Event-UUID': id };
      if (arg !== '') headers['execute-app-arg'] = arg;
      this.connection.sendRecv('sendmsg', headers, (event: Event) => {
        const reply = event.getHeader('Reply-Text') ?? '';
        if (!reply.startsWith('-ERR')) return;
        const waiting = this.pending.get(id);
        if (!waiting) return;
        this.pending.delete(id);
        clearTimeout(waiting.timer);
        waiting.reject(new EslCommandError('sendmsg', reply));
      });
    });
  }

  /**
   * Media that runs until stopped (hold music): resolves `stop()` once it has started and been broken with
   * uuid_break (a break sent before the application starts would be lost, and the music would never end).
   */
  startMedia(app: string, arg: string, timeoutMs: number): { done: Promise<EslFrame>; stop(): Promise<void> } {
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const done = this.execute(app, arg, timeoutMs, markStarted);
    done.catch(() => undefined);
    const ended = done.then(
      () => undefined,
      () => undefined,
    );
    return {
      done,
      stop: async () => {
        await Promise.race([started, ended]);
        if (!this.gone) await this.api(uuidBreak(this.uuid)).catch(() => undefined);
        await ended;
      },
    };
  }

  /** An api command over this socket (`uuid_break <uuid>`, `uuid_getvar …`); resolves with the response body. */
  api(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(this.gone ?? new CallGoneError('socketClosed'));
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(new EslTimeoutError(`api ${command}`, this.commandTimeoutMs));
      }, this.commandTimeoutMs);
      const done = (error: Error | undefined, body: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(body);
      };
      this.replyWaiters.add(done);
      this.connection.api(command, '', (event: Event) => {
        this.replyWaiters.delete(done);
        done(undefined, event.getBody() ?? '');
      });
    });
  }

  /** Close the socket (FreeSWITCH then runs the dialplan after `socket`, or ends the call). Safe to repeat. */
  close(): void {
    if (this.closed) return;
    this.markGone('socketClosed');
    this.connection.socket?.destroy();
    this.onSocketClosed();
  }

  /** The first reason wins; the error (and its stack) is made only then. */
  private markGone(why: CallGoneError['why'], cause?: string): void {
    this.gone ??= new CallGoneError(why, cause);
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      clearTimeout(waiting.timer);
      waiting.reject(this.gone);
    }
  }

  private onSocketClosed(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.lingerTimer);
    this.markGone('socketClosed');
    const gone = this.gone ?? new CallGoneError('socketClosed');
    for (const done of this.replyWaiters) done(gone, '');
    this.replyWaiters.clear();
    this.emit('closed');
  }
}
