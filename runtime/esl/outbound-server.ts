// The TCP server FreeSWITCH's `socket HOST:PORT async full` connects to: one EslCall per connection, ready to drive.

import net from 'node:net';
import esl from 'drachtio-modesl';
import { socketCommands } from './commands';
import { EslCall, type EslCallOptions } from './esl-call';
import { CallGoneError } from './errors';
import { hardenModeslParser } from './harden-parser';
import { sendCommandsInOneWrite } from './single-write-send';
import { listenOn } from '../listen-port';

export interface OutboundServerOptions extends EslCallOptions {
  host: string;
  port: number;
  /** Close a connection that has not sent CHANNEL_DATA after `connect` within this time (default 5 s). */
  connectTimeoutMs?: number;
  /**
   * Called with each call once `linger` and `myevents` are acknowledged, or, when the caller hung up before they were,
   * with the call already gone (`goneReason` set) so that it is still recorded.
   */
  onCall(call: EslCall): void;
  /** A connection that failed before it became a call (bad frames, timeout). */
  onRejected?(reason: string): void;
}

export interface OutboundServer {
  /** The bound address (port 0 becomes the real port). */
  readonly address: { host: string; port: number };
  /** Stop accepting new connections; open calls go on. */
  stopAccepting(): Promise<void>;
  /** Open sockets, ready or not. */
  readonly connections: number;
}

/**
 * Starts listening. Each socket gets Nagle off (otherwise ≈ 40 ms per command, STACK.md) and the hardened parser.
 * The first command is deferred past the ready event: drachtio-modesl hands the CHANNEL_DATA reply to the first
 * queued callback otherwise, and every later reply to the wrong command.
 */
export async function startOutboundServer(options: OutboundServerOptions): Promise<OutboundServer> {
  hardenModeslParser();
  sendCommandsInOneWrite();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    const connection = new esl.Connection(socket);
    let ready = false;
    let ended = false;
    const timer = setTimeout(() => {
      if (ready) return;
      options.onRejected?.('no CHANNEL_DATA in time after connect');
      socket.destroy();
    }, options.connectTimeoutMs ?? 5000);
    connection.on('error', () => undefined);
    connection.once('esl::end', () => {
      ended = true;
      clearTimeout(timer);
    });
    connection.once('esl::ready', () => {
      ready = true;
      clearTimeout(timer);
      setImmediate(() => {
        const call = new EslCall(connection, options);
        if (!call.uuid) {
          options.onRejected?.('CHANNEL_DATA without a Unique-ID');
          call.close();
          return;
        }
        // Closed between CHANNEL_DATA and now: the call is gone before its first command.
        if (ended) call.close();
        Promise.all([call.command(socketCommands.linger), call.command(socketCommands.myevents)]).then(
          () => options.onCall(call),
          (error: Error) => {
            // The caller hung up within milliseconds of connect and FreeSWITCH closed the socket before answering:
            // still a call (CHANNEL_DATA names its channel, number and caller), handed on already gone so its owner
            // records its start and end.
            if (error instanceof CallGoneError) return options.onCall(call);
            options.onRejected?.(`linger/myevents failed: ${error.message}`);
            call.close();
          },
        );
      });
    });
  });
  await listenOn(server, options, 'CALLFLOW_RUNTIME_LISTEN');
  const bound = server.address() as net.AddressInfo;
  return {
    address: { host: bound.address, port: bound.port },
    get connections() {
      return sockets.size;
    },
    // close() would wait for every open call to end; stopping new connections is all we want here.
    stopAccepting: async () => {
      if (server.listening) server.close();
    },
  };
}
