// A minimal inbound event-socket client for the conformance suite: api commands and a log of channel events.

import net from 'node:net';
import { parseHeaderBlock } from '../../runtime/esl/harden-parser';

export type FsEvent = Record<string, string>;

/** `host:port:password` from CALLFLOW_TEST_FREESWITCH. */
export function freeswitchAddress(value: string): { host: string; port: number; password: string } {
  const [host, port, ...password] = value.split(':');
  if (!host || !Number(port) || password.length === 0)
    throw new Error('CALLFLOW_TEST_FREESWITCH must be host:port:password, e.g. 127.0.0.1:8021:s3cret');
  return { host, port: Number(port), password: password.join(':') };
}

export class FsControl {
  readonly events: FsEvent[] = [];
  private buffer = Buffer.alloc(0);
  private readonly replies: ((frame: { headers: FsEvent; body: string }) => void)[] = [];
  private readonly watchers = new Set<() => void>();

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk) => this.onData(chunk));
  }

  /** Connects and authenticates (the first frame is auth/request). */
  static async connect(address: { host: string; port: number; password: string }): Promise<FsControl> {
    const socket = net.connect(address.port, address.host);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const control = new FsControl(socket);
    await control.next();
    const reply = await control.send(`auth ${address.password}`);
    if (!reply.headers['Reply-Text']?.startsWith('+OK'))
      throw new Error(`FreeSWITCH refused the event-socket password: ${reply.headers['Reply-Text']}`);
    return control;
  }

  private next(): Promise<{ headers: FsEvent; body: string }> {
    return new Promise((resolve) => this.replies.push(resolve));
  }

  private send(command: string): Promise<{ headers: FsEvent; body: string }> {
    const reply = this.next();
    this.socket.write(`${command}\n\n`);
    return reply;
  }

  /** `api COMMAND`: the response body, trimmed. */
  async api(command: string): Promise<string> {
    return (await this.send(`api ${command}`)).body.trim();
  }

  /** `event plain NAMES`: later events of those names land in `events`. */
  async subscribe(names: string): Promise<void> {
    await this.send(`event plain ${names}`);
  }

  /** The first event (already received or still to come) that matches. */
  async waitFor(match: (event: FsEvent) => boolean, what: string, timeoutMs = 30_000): Promise<FsEvent> {
    const found = this.events.find(match);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.watchers.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        const event = this.events.find(match);
        if (!event) return;
        clearTimeout(timer);
        this.watchers.delete(check);
        resolve(event);
      };
      this.watchers.add(check);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end === -1) return;
      const headers = parseHeaderBlock(this.buffer.subarray(0, end).toString('utf8'));
      const length = Number(headers['Content-Length'] ?? 0);
      if (this.buffer.length < end + 2 + length) return;
      const body = this.buffer.subarray(end + 2, end + 2 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 2 + length);
      if (headers['Content-Type'] === 'text/event-plain') {
        this.events.push(parseHeaderBlock(body));
        for (const watcher of [...this.watchers]) watcher();
      } else if (headers['Content-Type'] !== 'text/disconnect-notice') {
        this.replies.shift()?.({ headers, body });
      }
    }
  }
}
