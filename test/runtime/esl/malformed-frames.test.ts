// Fuzzed ESL input: frames split anywhere parse the same; malformed frames never crash the process or leak a call.

import { EventEmitter } from 'node:events';
import net from 'node:net';
import esl from 'drachtio-modesl';
import type { Event } from 'drachtio-modesl';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EslCall } from '../../../runtime/esl/esl-call';
import { hardenModeslParser, safeDecode } from '../../../runtime/esl/harden-parser';
import { startOutboundServer, type OutboundServer } from '../../../runtime/esl/outbound-server';
import { channelDataReply, commandReply, disconnectNotice, plainEvent } from '../../../runtime/esl-simulator/fs-frames';

hardenModeslParser();

/** A parser over a socket stand-in; returns the headers of every frame it emitted, and whether it gave up. */
function parse(chunks: Buffer[]): { frames: Record<string, string>[]; failed: boolean } {
  const socket = Object.assign(new EventEmitter(), {
    destroyed: false,
    destroy() {
      this.destroyed = true;
    },
  });
  const parser = new esl.Parser(socket as unknown as net.Socket);
  const frames: Record<string, string>[] = [];
  parser.on('esl::event', (event: unknown) => {
    const headers: Record<string, string> = {};
    for (const { name, value } of (event as Event).headers) headers[name] = String(value);
    frames.push(headers);
  });
  parser.on('error', () => undefined);
  for (const chunk of chunks) socket.emit('data', chunk);
  return { frames, failed: socket.destroyed };
}

const channelDataFrame = channelDataReply([
  ['Event-Name', 'CHANNEL_DATA'],
  ['Unique-ID', 'u-1'],
  ['Caller-Destination-Number', '4008001234'],
  ['variable_current_application_data', '127.0.0.1:8084 async full'],
]);
const validFrames = [
  commandReply('+OK will linger'),
  channelDataFrame,
  plainEvent([
    ['Event-Name', 'DTMF'],
    ['Unique-ID', 'u-1'],
    ['DTMF-Digit', '#'],
  ]),
  plainEvent([
    ['Event-Name', 'CHANNEL_EXECUTE_COMPLETE'],
    ['Unique-ID', 'u-1'],
    ['Application', 'playback'],
    ['Application-Response', 'FILE PLAYED'],
    ['Application-UUID', 'a-1'],
  ]),
  disconnectNotice('u-1', 'loopback/x-b', 'linger'),
  disconnectNotice('u-1', 'loopback/x-b', 'disconnect'),
];

/** Cut a buffer at the given fractions. */
function split(buffer: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * buffer.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    out.push(buffer.subarray(from, point));
    from = point;
  }
  out.push(buffer.subarray(from));
  return out;
}

describe('the hardened drachtio-modesl parser', () => {
  test('malformed percent-encoding decodes to the raw text instead of throwing URIError', () => {
    expect(safeDecode('-ERR 100% bad')).toBe('-ERR 100% bad');
    expect(safeDecode('%ED%A0%BD')).toBe('%ED%A0%BD');
    expect(safeDecode('127.0.0.1%3A8084%20async')).toBe('127.0.0.1:8084 async');
    const { frames } = parse([Buffer.from('Content-Type: command/reply\nReply-Text: -ERR 100% bad %ED%A0%BD\n\n')]);
    expect(frames[0]?.['Reply-Text']).toBe('-ERR 100% bad %ED%A0%BD');
  });

  test('any sequence of real frames, split at any bytes, parses to the same frames as sent whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...validFrames), { minLength: 1, maxLength: 8 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }),
        (frames, cuts) => {
          const whole = Buffer.from(frames.join(''));
          const expected = parse([whole]);
          const chunked = parse(split(whole, cuts));
          expect(chunked).toEqual(expected);
          expect(expected.frames).toHaveLength(frames.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('every single-byte split of a CHANNEL_DATA reply gives the same frame', () => {
    const whole = Buffer.from(channelDataFrame);
    const expected = parse([whole]);
    for (let i = 1; i < whole.length; i++) expect(parse([whole.subarray(0, i), whole.subarray(i)])).toEqual(expected);
    expect(parse([...whole].map((byte) => Buffer.from([byte])))).toEqual(expected);
  });

  test('garbage, bad or huge Content-Length, broken JSON and truncated frames never throw', () => {
    const hostile = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc
        .constantFrom(
          'Content-Length: -5\nContent-Type: text/event-plain\n\nEvent-Name: X\n\n',
          'Content-Length: abc\n\n',
          'Content-Length: 99999999999\n\n',
          'Content-Length: 4\nContent-Type: text/event-json\n\nnull',
          'Content-Length: 5\nContent-Type: text/event-json\n\n[1,2]',
          'Content-Length: 7\nContent-Type: text/event-json\n\n{"a":1',
          'Content-Length: 12\nContent-Type: text/event-xml\n\n<event><x></',
          'Content-Type: command/reply\nReply-Text: %\n\n',
          'Content-Type: text/event-plain\nContent-Length: 30\n\nEvent-Name: %E0%A4%A\nUnique-ID',
          '\n\n\n\n: \n:::\n\n',
        )
        .map((text) => Buffer.from(text)),
    );
    fc.assert(
      fc.property(
        fc.array(hostile, { maxLength: 10 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }),
        (pieces, cuts) => {
          const whole = Buffer.concat(pieces);
          expect(() => parse(split(whole, cuts))).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
    expect(parse([Buffer.alloc(1024 * 1024 + 10, 0x41)]).failed).toBe(true);
  });
});

describe('the outbound server under hostile FreeSWITCH connections', () => {
  let server: OutboundServer;
  const calls: EslCall[] = [];
  const closed = new Set<EslCall>();

  beforeAll(async () => {
    server = await startOutboundServer({
      host: '127.0.0.1',
      port: 0,
      connectTimeoutMs: 500,
      commandTimeoutMs: 500,
      onCall: (call) => {
        calls.push(call);
        call.on('protocolError', () => undefined);
        call.on('closed', () => closed.add(call));
        // Closed before linger/myevents were answered: handed on already closed (a caller who left at once).
        if (call.isClosed) closed.add(call);
      },
    });
  });

  afterAll(async () => {
    await server.stopAccepting();
  });

  /** Plays a broken FreeSWITCH: answers `connect` with `reply`, then sends `after`, in chunks, then closes. */
  function hostileConnection(reply: Buffer, after: Buffer, cuts: number[], keepOpen: boolean): Promise<void> {
    return new Promise((resolve) => {
      const socket = net.connect(server.address.port, server.address.host);
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
      let sent = false;
      socket.on('data', (data) => {
        if (sent || !data.toString().includes('connect\n\n')) {
          // linger/myevents: answer so a healthy CHANNEL_DATA becomes a call.
          for (const line of data.toString().split('\n\n'))
            if (line === 'linger' || line === 'myevents') socket.write(commandReply('+OK'));
          return;
        }
        sent = true;
        for (const chunk of split(Buffer.concat([reply, after]), cuts)) socket.write(chunk);
        if (!keepOpen) setTimeout(() => socket.end(), 20);
      });
      // A connection the server gives up on (no CHANNEL_DATA in time) is closed by the server.
      setTimeout(() => socket.destroy(), 3000);
    });
  }

  test('fuzzed replies and frames: the process survives, every call that started is closed, no socket lingers', async () => {
    const reply = fc.oneof(
      fc.constant(Buffer.from(channelDataFrame)),
      fc.constant(Buffer.from('Content-Type: command/reply\nReply-Text: -ERR 100% bad\n\n')),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    );
    const after = fc.array(
      fc.oneof(
        fc.constantFrom(...validFrames.map((f) => Buffer.from(f))),
        fc.uint8Array({ maxLength: 100 }).map((b) => Buffer.from(b)),
        fc.constant(Buffer.from('Content-Length: 77777777777\n\n')),
      ),
      { maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(
        reply,
        after.map((list) => Buffer.concat(list)),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        fc.boolean(),
        async (r, a, cuts, keepOpen) => {
          await hostileConnection(r, a, cuts, keepOpen);
        },
      ),
      { numRuns: 40 },
    );
    const deadline = Date.now() + 10_000;
    while ((server.connections > 0 || closed.size < calls.length) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.connections).toBe(0);
    expect(closed.size).toBe(calls.length);
    expect(calls.length).toBeGreaterThan(0);
  });
});
