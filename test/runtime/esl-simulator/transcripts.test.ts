// The ESL simulator against recordings of a real FreeSWITCH: the same commands get the same replies, events and notices, in order.

import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseHeaderBlock } from '../../../runtime/esl/harden-parser';
import { SimulatedChannel, type CallerScript } from '../../../runtime/esl-simulator';

interface Frame {
  direction: 'in' | 'out';
  text: string;
}

/** The outbound connection's frames of a transcript (fixtures/esl format: marker line, exactly len bytes, newline). */
function outboundFrames(name: string): Frame[] {
  const data = readFileSync(fileURLToPath(new URL(`../../fixtures/esl/${name}`, import.meta.url)));
  const frames: Frame[] = [];
  const marker = /^(<<<|>>>) (?:fs->client|client->fs) \+\d+ms \[([a-z-]+)\] len=(\d+)$/;
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
    if (match[2] === 'outbound') frames.push({ direction: match[1] === '>>>' ? 'out' : 'in', text });
  }
  return frames;
}

const kept = new Set(['CHANNEL_EXECUTE', 'CHANNEL_EXECUTE_COMPLETE', 'DTMF', 'CHANNEL_ANSWER', 'CHANNEL_HANGUP', 'CHANNEL_HANGUP_COMPLETE', 'CHANNEL_BRIDGE', 'CHANNEL_UNBRIDGE']);

/** What matters of a frame FreeSWITCH sent; null for events the simulator does not model (CHANNEL_STATE, CALL_UPDATE…). */
function signature(text: string): string | null {
  const split = text.indexOf('\n\n');
  const outer = parseHeaderBlock(text.slice(0, split));
  const type = outer['Content-Type'];
  if (type === 'command/reply') return outer['Event-Name'] === 'CHANNEL_DATA' ? 'reply CHANNEL_DATA' : `reply ${outer['Reply-Text']}`;
  if (type === 'text/disconnect-notice') return `notice ${outer['Content-Disposition']}`;
  if (type === 'api/response') return 'api';
  const headers = parseHeaderBlock(text.slice(split + 2));
  const name = headers['Event-Name'];
  if (!kept.has(name)) return null;
  if (name === 'DTMF') return `DTMF ${headers['DTMF-Digit']}`;
  if (name === 'CHANNEL_HANGUP' || name === 'CHANNEL_HANGUP_COMPLETE') return `${name} ${headers['Hangup-Cause']}`;
  if (name === 'CHANNEL_EXECUTE') return `${name} ${headers.Application}`;
  if (name === 'CHANNEL_EXECUTE_COMPLETE') {
    const read = headers.variable_read_result ? ` read_result=${headers.variable_read_result}` : '';
    const dial = headers.variable_DIALSTATUS && headers.Application === 'bridge' ? ` DIALSTATUS=${headers.variable_DIALSTATUS}` : '';
    return `${name} ${headers.Application} ${headers['Application-Response']}${read}${dial}`;
  }
  return name;
}

/** Splits a byte stream into ESL frames (headers, then Content-Length bytes of body). */
function frameStream(onFrame: (text: string) => void): (chunk: Buffer) => void {
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
 * Plays the recorded client against the simulator: each recorded command is sent once the simulator has gone quiet,
 * and the frames it sends back are collected until it closes the socket or stays quiet at the end.
 */
async function replay(frames: Frame[], script: CallerScript): Promise<string[]> {
  const received: string[] = [];
  let lastFrameAt = Date.now();
  let closed = false;
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const channel = new SimulatedChannel({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port }, script);
  const socket = await accepted;
  socket.on('data', frameStream((text) => {
    received.push(text);
    lastFrameAt = Date.now();
  }));
  socket.on('close', () => (closed = true));
  const quiet = async () => {
    while (!closed && Date.now() - lastFrameAt < 150) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  for (const frame of frames.filter((f) => f.direction === 'out')) {
    if (closed) break;
    socket.write(frame.text);
    lastFrameAt = Date.now();
    await quiet();
  }
  await quiet();
  socket.destroy();
  server.close();
  await channel.done;
  return received.map(signature).filter((s): s is string => s !== null);
}

const recorded = (frames: Frame[]) => frames.filter((f) => f.direction === 'in').map((f) => signature(f.text)).filter((s): s is string => s !== null);

const cases: [string, CallerScript][] = [
  ['outbound-play-and-get-digits.txt', { destination: 'esl_socket', inputs: ['2#'] }],
  ['outbound-play-and-get-digits-timeout.txt', { destination: 'esl_socket', inputs: [''] }],
  ['outbound-caller-hangup-during-collect.txt', { destination: 'esl_socket', inputs: [{ hangup: true }] }],
  ['outbound-bridge-busy.txt', { destination: 'esl_socket', bridges: ['busy'] }],
  ['outbound-bridge-busy-continue-on-fail.txt', { destination: 'esl_socket', bridges: ['busy'] }],
  ['outbound-connect-answer-playback-hangup.txt', { destination: 'esl_socket' }],
  ['outbound-linger-hangup.txt', { destination: 'esl_socket' }],
];

describe('the ESL simulator replays recorded FreeSWITCH sessions', () => {
  test.each(cases)('%s: the same replies, channel events and notices in the same order', async (name, script) => {
    const frames = outboundFrames(name);
    const expected = recorded(frames);
    expect(expected.length).toBeGreaterThan(5);
    expect(await replay(frames, script)).toEqual(expected);
  });
});
