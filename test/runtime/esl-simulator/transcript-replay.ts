// Replays the client side of a recorded FreeSWITCH session (../../fixtures/esl) against the ESL simulator and reduces
// both sides to comparable signatures: what transcripts.test.ts checks.

import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseHeaderBlock } from '../../../runtime/esl/harden-parser';
import { splitArgs } from '../../../runtime/esl/commands';
import { SimulatedChannel, type CallerScript } from '../../../runtime/esl-simulator';

export interface Frame {
  direction: 'in' | 'out';
  text: string;
}

/** One outbound connection's frames of a transcript (fixtures/esl format: marker line, exactly len bytes, newline). */
export function outboundFrames(name: string, connection = 'outbound'): Frame[] {
  const data = readFileSync(fileURLToPath(new URL(`../../fixtures/esl/${name}`, import.meta.url)));
  const frames: Frame[] = [];
  const marker = /^(<<<|>>>) (?:fs->client|client->fs) \+\d+ms \[([a-z0-9-]+)\] len=(\d+)$/;
  let offset = 0;
  while (offset < data.length) {
    const end = data.indexOf(0x0a, offset);
    if (end === -1) break;
    const line = data.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const match = marker.exec(line);
    if (!match) continue;
    const length = Number(match[3]);
    const text = data.subarray(offset, offset + length).toString('utf8');
    offset += length + 1;
    if (match[2] === connection) frames.push({ direction: match[1] === '>>>' ? 'out' : 'in', text });
  }
  return frames;
}

const kept = new Set([
  'CHANNEL_EXECUTE',
  'CHANNEL_EXECUTE_COMPLETE',
  'DTMF',
  'CHANNEL_ANSWER',
  'CHANNEL_HANGUP',
  'CHANNEL_HANGUP_COMPLETE',
  'CHANNEL_BRIDGE',
  'CHANNEL_UNBRIDGE',
  'CHANNEL_UNPARK',
  'CHANNEL_STATE',
]);
/** The channel states compared: the hangup's (the others, CS_HIBERNATE / CS_RESET after uuid_bridge, are not played). */
const keptStates = new Set(['CS_HANGUP', 'CS_REPORTING']);

/**
 * What matters of a frame FreeSWITCH sent; null for events the simulator does not model (CHANNEL_STATE, CALL_UPDATE…)
 * and for another channel's events (`event json CHANNEL_EXECUTE_COMPLETE` without myevents delivers every call's:
 * outbound-modesl-style-two-calls.txt; the simulator plays one channel).
 */
export function signature(text: string, uuid?: string): string | null {
  const split = text.indexOf('\n\n');
  const outer = parseHeaderBlock(text.slice(0, split));
  const type = outer['Content-Type'];
  // A uuid FreeSWITCH makes up (sendevent's reply) is any uuid.
  if (type === 'command/reply')
    return outer['Event-Name'] === 'CHANNEL_DATA'
      ? 'reply CHANNEL_DATA'
      : `reply ${outer['Reply-Text']}`.replace(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
          '<uuid>',
        );
  if (type === 'text/disconnect-notice') return `notice ${outer['Content-Disposition'] ?? 'goodbye'}`;
  if (type === 'auth/request') return 'auth request';
  // The first line of the body, numbers as # (`api status` starts with the uptime).
  if (type === 'api/response')
    return `api ${text
      .slice(split + 2)
      .trim()
      .split('\n', 1)
      .join('')
      .replace(/\d+/g, '#')}`;
  // text/event-json (after `myevents json`) carries the same headers as a JSON object, values not URL-encoded.
  const headers: Record<string, string> =
    type === 'text/event-json' ? JSON.parse(text.slice(split + 2)) : parseHeaderBlock(text.slice(split + 2));
  const name = headers['Event-Name'];
  // A background job's result is the event's own body (after its headers). On an outbound socket (`uuid` given) every
  // job of the switch arrives (outbound-modesl-style-two-calls.txt): not this channel's, like other calls' events.
  if (name === 'BACKGROUND_JOB') {
    const result = type === 'text/event-json' ? headers._body : text.slice(split + 2).split('\n\n')[1];
    return uuid ? null : `${name} ${headers['Job-Command']} ${result?.trim()}`;
  }
  if (name === undefined || !kept.has(name)) return null;
  if (uuid && headers['Unique-ID'] !== uuid) return null;
  const format = type === 'text/event-json' ? 'json ' : '';
  if (name === 'DTMF') return `${format}DTMF ${headers['DTMF-Digit']}`;
  if (name === 'CHANNEL_STATE')
    return keptStates.has(headers['Channel-State'] ?? '')
      ? `${format}${name} ${headers['Channel-State']} ${headers['Channel-Call-State']}`
      : null;
  // The hangup events carry the state the channel was in (CS_EXECUTE, CS_PARK…) and then CS_REPORTING.
  if (name === 'CHANNEL_HANGUP') return `${format}${name} ${headers['Hangup-Cause']} ${headers['Channel-State']}`;
  if (name === 'CHANNEL_HANGUP_COMPLETE')
    return `${format}${name} ${headers['Hangup-Cause']} ${headers['Channel-State']} ${headers['Channel-Call-State']} digits_dialed=${headers.variable_digits_dialed ?? '(unset)'}`;
  if (name === 'CHANNEL_EXECUTE') return `${format}${name} ${headers.Application}`;
  if (name === 'CHANNEL_EXECUTE_COMPLETE') {
    const read = headers.variable_read_result ? ` read_result=${headers.variable_read_result}` : '';
    const dial =
      headers.variable_DIALSTATUS && headers.Application === 'bridge'
        ? ` DIALSTATUS=${headers.variable_DIALSTATUS}`
        : '';
    // The digits of play_and_get_digits land in the variable its 8th argument names (absent when nothing was read).
    const variable =
      headers.Application === 'play_and_get_digits' ? splitArgs(headers['Application-Data'] ?? '')[7] : undefined;
    const digits = variable ? ` ${variable}=${headers[`variable_${variable}`] ?? '(unset)'}` : '';
    return `${format}${name} ${headers.Application} ${headers['Application-Response']}${read}${dial}${digits}`;
  }
  return `${format}${name}`;
}

/** The channel an event frame belongs to (its Channel-Name); '' for replies, notices and the switch's own events. */
export function channelOf(text: string): string {
  const split = text.indexOf('\n\n');
  const type = parseHeaderBlock(text.slice(0, split))['Content-Type'];
  if (type === 'text/event-json')
    return (JSON.parse(text.slice(split + 2)) as Record<string, string>)['Channel-Name'] ?? '';
  if (type === 'text/event-plain') return parseHeaderBlock(text.slice(split + 2))['Channel-Name'] ?? '';
  return '';
}

/** A frame's signature with the channel it belongs to. */
interface Received {
  sig: string;
  channel: string;
}

/**
 * Signatures per channel (and '' for the rest). Two legs of one call run on their own threads in FreeSWITCH, so the
 * order between them differs from one recording to the next (the plain and json originate transcripts); each leg's
 * own order does not.
 */
export function byChannel(received: Received[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const { sig, channel } of received) (groups[channel] ??= []).push(sig);
  return groups;
}

/** Splits a byte stream into ESL frames (headers, then Content-Length bytes of body). */
export function frameStream(onFrame: (text: string) => void): (chunk: Buffer) => void {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end === -1) return;
      const head = parseHeaderBlock(buffer.subarray(0, end).toString('utf8'));
      const length = Number(head['Content-Length'] ?? 0);
      if (buffer.length < end + 2 + length) return;
      onFrame(buffer.subarray(0, end + 2 + length).toString('utf8'));
      buffer = buffer.subarray(end + 2 + length);
    }
  };
}

/**
 * Plays the recorded client of an outbound connection against a simulated channel: each recorded command is sent once
 * the simulator has sent as many frames as FreeSWITCH had sent before it (or, when it sends fewer, after 3 s of quiet),
 * and the frames it sends back are collected until it closes the socket or stays quiet for `quietMs` at the end.
 */
export async function replay(frames: Frame[], script: CallerScript, quietMs = 150): Promise<string[]> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const channel = new SimulatedChannel({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port }, script);
  const socket = await accepted;
  // The recorded client named the recorded channel (sendmsg <uuid>, api uuid_getvar <uuid>): name the simulated one.
  const received = await drive(socket, frames, channelUuidOf(frames), channel.uuid, quietMs);
  server.close();
  await channel.done;
  return received.map((r) => r.sig);
}

/** The same for an inbound connection: the recorded client connects to `address` (the simulator's event socket). */
export async function replayInbound(
  frames: Frame[],
  address: { host: string; port: number },
  quietMs = 150,
): Promise<Received[]> {
  const socket = net.connect(address.port, address.host);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  return drive(socket, frames, undefined, undefined, quietMs);
}

async function drive(
  socket: net.Socket,
  frames: Frame[],
  recordedUuid: string | undefined,
  uuid: string | undefined,
  quietMs: number,
): Promise<Received[]> {
  const received: Received[] = [];
  let lastFrameAt = Date.now();
  let closed = false;
  socket.on(
    'data',
    frameStream((text) => {
      const sig = signature(text, uuid);
      if (sig !== null) received.push({ sig, channel: channelOf(text) });
      lastFrameAt = Date.now();
    }),
  );
  socket.on('close', () => (closed = true));
  const settle = async (count: number, quiet: number) => {
    while (!closed && received.length < count && Date.now() - lastFrameAt < quiet)
      await new Promise((resolve) => setTimeout(resolve, 10));
  };
  let expectedSoFar = 0;
  for (const frame of frames) {
    if (frame.direction === 'in') {
      if (signature(frame.text, recordedUuid) !== null) expectedSoFar++;
      continue;
    }
    await settle(expectedSoFar, 3000);
    if (closed) break;
    socket.write(recordedUuid && uuid ? frame.text.replaceAll(recordedUuid, uuid) : frame.text);
    lastFrameAt = Date.now();
  }
  await settle(Number.POSITIVE_INFINITY, quietMs);
  socket.destroy();
  return received;
}

/** The socket's own channel: Unique-ID of the reply to `connect`. */
function channelUuidOf(frames: Frame[]): string | undefined {
  const reply = frames.find((f) => f.direction === 'in' && f.text.startsWith('Event-Name: CHANNEL_DATA'));
  return reply ? parseHeaderBlock(reply.text.slice(0, reply.text.indexOf('\n\n')))['Unique-ID'] : undefined;
}

export const recordedFrames = (frames: Frame[]): Received[] => {
  const uuid = channelUuidOf(frames);
  return frames
    .filter((f) => f.direction === 'in')
    .flatMap((f) => {
      const sig = signature(f.text, uuid);
      return sig === null ? [] : [{ sig, channel: channelOf(f.text) }];
    });
};

export const recorded = (frames: Frame[]) => recordedFrames(frames).map((r) => r.sig);
