// FreeSWITCH's inbound event socket (port 8021) as the simulator plays it: authentication, api commands, subscription
// commands and their replies as the shared transcripts show them (inbound-auth-*.txt, inbound-command-before-auth.txt,
// inbound-subscription-commands.txt). Calls (originate and their events) are not modelled here.

import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { apiResponse, commandReply, plainEvent, readCommands } from './fs-frames';

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
}

/** The result line of `originate ARGS`: `+OK <uuid>` or `-ERR <CAUSE>`. */
function originate(args: string, extensions: Record<string, string>): string {
  const target = args.replace(/^\{[^}]*\}/, '').split(' ')[0] ?? '';
  const [endpoint, destination = ''] = target.split('/');
  if (endpoint === 'error') return `-ERR ${destination.toUpperCase()}`;
  if (!['loopback', 'sofia', 'user'].includes(endpoint)) return '-ERR CHAN_NOT_IMPLEMENTED';
  const cause = endpoint === 'loopback' ? extensions[destination] : undefined;
  return cause ? `-ERR ${cause}` : `+OK ${randomUUID()}`;
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
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let authed = false;
    let listening = false;
    /** Event names subscribed with `event plain …` (BACKGROUND_JOB is the only one this socket sends). */
    let subscribed = new Set<string>();
    const write = (frame: string) => {
      if (!socket.destroyed) socket.write(frame);
    };
    const api = (line: string): string => {
      const [name, ...args] = line.split(' ');
      if (name === 'status') return status(startedAt);
      if (name === 'version') return 'FreeSWITCH Version 1.10.12-release~64bit ( 64bit)\n';
      if (name === 'uuid_getvar') return '-ERR No such channel!\n';
      if (name === 'global_getvar') return globals[args[0] ?? ''] ?? '';
      if (name === 'eval') return args.join(' ').replace(/\$\{([^}]+)\}/g, (_, variable: string) => globals[variable] ?? '');
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
        if (verb === 'api') write(apiResponse(words[0] === 'log' ? '+OK\n' : words[0] === 'originate' ? `${originate(words.slice(1).join(' '), options.extensions ?? {})}\n` : api(words.join(' '))));
        else if (verb === 'bgapi') {
          // The reply at once; the result in a BACKGROUND_JOB event (with the client's Job-UUID header if it sent one).
          const job = headers['Job-UUID'] ?? randomUUID();
          write(`Content-Type: command/reply\nReply-Text: +OK Job-UUID: ${job}\nJob-UUID: ${job}\n\n`);
          const [command = '', ...args] = words;
          const result = `${command === 'originate' ? originate(args.join(' '), options.extensions ?? {}) : api(words.join(' ')).trim()}\n`;
          if (listening && (subscribed.has('BACKGROUND_JOB') || subscribed.has('ALL'))) {
            setImmediate(() => write(plainEvent([['Event-Name', 'BACKGROUND_JOB'], ['Job-UUID', job], ['Job-Command', command], ['Job-Command-Arg', args.join(' ')]], result)));
          }
        } else if (verb === 'event') {
          listening = true;
          for (const name of words.slice(1)) subscribed.add(name);
          write(commandReply(`+OK event listener enabled ${words[0] ?? 'plain'}`));
        } else if (verb === 'noevents') {
          write(commandReply(listening ? '+OK no longer listening for events' : '-ERR not listening for events'));
          listening = false;
          subscribed = new Set();
        } else if (verb === 'filter') {
          if (words[0] !== 'delete') write(commandReply(`+OK filter added. [${words[0]}]=[${words.slice(1).join(' ')}]`));
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
