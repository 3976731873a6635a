// FreeSWITCH's inbound event socket (port 8021) as the simulator plays it: authentication, api commands, subscription
// commands and their replies as the shared transcripts show them (inbound-auth-*.txt, inbound-command-before-auth.txt,
// inbound-subscription-commands.txt), originate with its result and the events of a loopback call
// (inbound-originate-failures.txt, inbound-event-{plain,json}-bgapi-originate.txt; see originated-call.ts).

import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { apiResponse, commandReply, jsonEvent, plainEvent, readCommands } from './fs-frames';
import { originate } from './originated-call';

const CORE_UUID = '5a1c0d3e-0000-4000-8000-00000000f5e1';

export interface InboundSocketOptions {
  password: string;
  /** Global variables (`global_getvar`, `eval ${…}`); the sample vars.xml's where not given. */
  globals?: Record<string, string>;
  /**
   * How `originate` to a loopback extension ends (`loopback/<extension>/<context>`): a hangup cause such as USER_BUSY or
   * NO_ANSWER; extensions not listed answer. `error/<cause>` fails with its cause, an unknown endpoint with
   * CHAN_NOT_IMPLEMENTED (inbound-originate-failures.txt).
   */
  extensions?: Record<string, string>;
  /** Milliseconds an originated call's playback takes (default 0). */
  mediaMs?: number;
}

/** A connection that asked for events: which (`ALL` or names) and in which format. */
interface Listener {
  names: Set<string>;
  format: 'plain' | 'json';
  write(frame: string): void;
}

export interface InboundSocket {
  address: { host: string; port: number };
  close(): Promise<void>;
}

const sampleGlobals: Record<string, string> = {
  hold_music: 'tone_stream://%(2000,4000,440,480);loops=-1',
  sound_prefix: '/usr/share/freeswitch/sounds/en/us/callie',
};

const goodbye = 'Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n';
const notice = `Content-Type: text/disconnect-notice\nContent-Length: ${Buffer.byteLength(goodbye)}\n\n${goodbye}`;

/** `api status` as FreeSWITCH 1.10.12 words it. */
function status(startedAt: number): string {
  const seconds = Math.floor((Date.now() - startedAt) / 1000);
  return [
    `UP 0 years, 0 days, ${Math.floor(seconds / 3600)} hours, ${Math.floor(seconds / 60) % 60} minutes, ${seconds % 60} seconds, 0 milliseconds, 0 microseconds`,
    'FreeSWITCH (Version 1.10.12-release  64bit) is ready',
    '0 session(s) since startup',
    '0 session(s) - peak 0, last 5min 0 ',
    '0 session(s) per Sec out of max 30, peak 0, last 5min 0 ',
    '1000 session(s) max',
    'min idle cpu 0.00/100.00',
    'Current Stack Size/Max 240K/8192K',
    '',
  ].join('\n');
}

/**
 * Listens on 127.0.0.1 (port 0 unless given) like mod_event_socket: `auth/request` first; before `auth` every command
 * is `-ERR command not found` (the connection stays); a wrong password is `-ERR invalid`, a disconnect notice and
 * the close; `exit` is `+OK bye`, the notice and the close.
 */
export async function startInboundSocket(options: InboundSocketOptions, port = 0): Promise<InboundSocket> {
  const globals = { ...sampleGlobals, ...options.globals };
  const startedAt = Date.now();
  const sockets = new Set<net.Socket>();
  const listeners = new Set<Listener>();
  /** Originated loopback calls still up, by the uuid of each leg: what `uuid_kill` ends. */
  const live = new Map<string, (uuid: string) => Promise<void>>();
  let sequence = 1;
  /** FreeSWITCH sends every event to each connection subscribed to its name (or ALL), in that connection's format. */
  const broadcast = (name: string, headers: [string, string][], body?: string) => {
    const all: [string, string][] = [
      ['Event-Name', name],
      ['Core-UUID', CORE_UUID],
      ['FreeSWITCH-Hostname', 'fs-sim'],
      ['Event-Date-Timestamp', String(Date.now() * 1000)],
      ['Event-Sequence', String(sequence++)],
      ...headers,
    ];
    for (const listener of listeners) {
      if (listener.names.has(name) || listener.names.has('ALL'))
        listener.write(listener.format === 'json' ? jsonEvent(all, body) : plainEvent(all, body));
    }
  };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let authed = false;
    const write = (frame: string) => {
      if (!socket.destroyed) socket.write(frame);
    };
    /** Event names subscribed with `event FORMAT …`: the connection listens once it has sent `event`. */
    const listener: Listener = { names: new Set(), format: 'plain', write };
    socket.on('close', () => listeners.delete(listener));
    /** `originate`: the call's first events, then the result (written by `reply`), then the rest of the call. */
    const placeCall = (args: string, reply: (result: string) => void) => {
      const call = originate(args, options.extensions ?? {}, broadcast, options.mediaMs ?? 0);
      if (call.legs) {
        const { uuids, kill } = call.legs;
        const end = (uuid: string) => {
          for (const leg of uuids) live.delete(leg);
          return kill(uuid);
        };
        for (const leg of uuids) live.set(leg, end);
      }
      reply(`${call.result}\n`);
      if (call.rest) setImmediate(() => void call.rest?.());
    };
    const api = (line: string): string => {
      const [name, ...args] = line.split(' ');
      if (name === 'status') return status(startedAt);
      if (name === 'version') return 'FreeSWITCH Version 1.10.12-release~64bit ( 64bit)\n';
      if (name === 'uuid_getvar') return '-ERR No such channel!\n';
      if (name === 'global_getvar') return globals[args[0] ?? ''] ?? '';
      if (name === 'eval')
        return args.join(' ').replace(/\$\{([^}]+)\}/g, (_, variable: string) => globals[variable] ?? '');
      return `-ERR ${name} Command not found!\n`;
    };
    socket.on('data', (data) => {
      const { commands, rest } = readCommands(buffer + data.toString('utf8'));
      buffer = rest;
      for (const { line, headers } of commands) {
        const [verb, ...words] = line.split(' ');
        if (!authed) {
          if (verb !== 'auth') {
            write(commandReply('-ERR command not found'));
          } else if (words.join(' ') === options.password) {
            authed = true;
            write(commandReply('+OK accepted'));
          } else {
            write(commandReply('-ERR invalid'));
            write(notice);
            socket.end();
          }
          continue;
        }
        if (verb === 'api' && words[0] === 'originate')
          placeCall(words.slice(1).join(' '), (result) => write(apiResponse(result)));
        else if (verb === 'api' && words[0] === 'uuid_kill') {
          // `+OK` first, then the legs' hangups (acd-uuid-bridge-agent.txt); mod_commands' answer for an unknown uuid.
          const kill = live.get(words[1] ?? '');
          write(apiResponse(kill ? '+OK\n' : '-ERR No such channel!\n'));
          if (kill) setImmediate(() => void kill(words[1]!));
        } else if (verb === 'api') write(apiResponse(words[0] === 'log' ? '+OK\n' : api(words.join(' '))));
        else if (verb === 'bgapi') {
          // The reply at once; the result in a BACKGROUND_JOB event (with the client's Job-UUID header if it sent one)
          // to every connection subscribed to it.
          const job = headers['Job-UUID'] ?? randomUUID();
          write(`Content-Type: command/reply\nReply-Text: +OK Job-UUID: ${job}\nJob-UUID: ${job}\n\n`);
          const [command = '', ...args] = words;
          const jobEvent = (result: string) =>
            broadcast(
              'BACKGROUND_JOB',
              [
                ['Job-UUID', job],
                ['Job-Command', command],
                ['Job-Command-Arg', args.join(' ')],
              ],
              result,
            );
          setImmediate(() =>
            command === 'originate'
              ? placeCall(args.join(' '), jobEvent)
              : jobEvent(`${api(words.join(' ')).trim()}\n`),
          );
        } else if (verb === 'event') {
          const [format = 'plain', ...names] = words;
          if (format === 'json') listener.format = 'json';
          for (const name of names) listener.names.add(name);
          listeners.add(listener);
          write(commandReply(`+OK event listener enabled ${format}`));
        } else if (verb === 'noevents') {
          write(
            commandReply(
              listeners.has(listener) ? '+OK no longer listening for events' : '-ERR not listening for events',
            ),
          );
          listeners.delete(listener);
          listener.names.clear();
        } else if (verb === 'filter') {
          if (words[0] !== 'delete')
            write(commandReply(`+OK filter added. [${words[0]}]=[${words.slice(1).join(' ')}]`));
          else write(commandReply(`+OK filter deleted. [${words[1]}][${words.slice(2).join(' ')}]`));
        } else if (verb === 'nixevent') write(commandReply('+OK events nixed'));
        else if (verb === 'sendevent') write(commandReply(`+OK ${randomUUID()}`));
        else if (verb === 'log') write(commandReply(`+OK log level ${words[0] ?? '7'} [${words[0] ?? '7'}]`));
        else if (verb === 'nolog') write(commandReply('+OK no longer logging'));
        // Session commands: `myevents` is unknown on an inbound connection, `linger` needs a session.
        else if (verb === 'linger') write(commandReply('-ERR not controlling a session'));
        else if (verb === 'exit') {
          write(commandReply('+OK bye'));
          write(notice);
          socket.end();
        } else write(commandReply('-ERR command not found'));
      }
    });
    socket.write('Content-Type: auth/request\n\n');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    address: { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
