// Types for the parts of drachtio-modesl 1.3.1 the runtime uses (the package ships none).

declare module 'drachtio-modesl' {
  import type { Socket } from 'node:net';

  /** One ESL frame: a command reply, an api response, an event or a notice. */
  export class Event {
    constructor(headers: Record<string, string | number>, body?: string);
    headers: { name: string; value: string }[];
    type: string;
    body: string;
    getHeader(name: string): string | null;
    getBody(): string;
    getType(): string;
    serialize(format?: 'plain' | 'json' | 'xml'): string;
  }

  type Listener = (...args: unknown[]) => void;

  /** EventEmitter2 with `::` namespaces and wildcards (`esl::event::**`). */
  interface Emitter {
    on(event: string, listener: Listener): this;
    once(event: string, listener: Listener): this;
    off(event: string, listener: Listener): this;
    removeListener(event: string, listener: Listener): this;
    removeAllListeners(event?: string): this;
    emit(event: string, ...args: unknown[]): boolean;
  }

  /** An outbound connection (constructed over the socket FreeSWITCH opened) or an inbound one. */
  export class Connection implements Emitter {
    constructor(socket: Socket, ready?: () => void);
    constructor(host: string, port: number, password: string, ready?: () => void);
    socket: Socket | null;
    /** Created when the connection starts; emits every frame as `esl::event` (event, headers, body). */
    parser: Parser;
    channelData: Event | null;
    cmdCallbackQueue: unknown[];
    apiCallbackQueue: unknown[];
    send(command: string, args?: Record<string, string | number | boolean>): void;
    sendRecv(command: string, args: Record<string, string | number | boolean> | null, cb: (reply: Event) => void): void;
    sendRecv(command: string, cb: (reply: Event) => void): void;
    api(command: string, args: string | string[], cb: (response: Event) => void): void;
    getInfo(): Event | null;
    connected(): boolean;
    disconnect(): void;
    on(event: string, listener: Listener): this;
    once(event: string, listener: Listener): this;
    off(event: string, listener: Listener): this;
    removeListener(event: string, listener: Listener): this;
    removeAllListeners(event?: string): this;
    emit(event: string, ...args: unknown[]): boolean;
  }

  /** The frame parser; its prototype is hardened by runtime/esl/harden-parser.ts. */
  export class Parser implements Emitter {
    constructor(socket: Socket);
    buffer: Buffer;
    bodyLen: number;
    encoding: BufferEncoding;
    socket: Socket;
    headers: Record<string, string | number>;
    on(event: string, listener: Listener): this;
    once(event: string, listener: Listener): this;
    off(event: string, listener: Listener): this;
    removeListener(event: string, listener: Listener): this;
    removeAllListeners(event?: string): this;
    emit(event: string, ...args: unknown[]): boolean;
  }

  const esl: { Connection: typeof Connection; Event: typeof Event; Parser: typeof Parser };
  export default esl;
}
