// `uuid_kill` of an originated loopback leg on the simulated inbound event socket, in the order FreeSWITCH 1.10.12
// recorded it (acd-uuid-bridge-agent.txt; outbound-caller-hangup-*.txt for the socket leg): `+OK`, the killed leg's
// CHANNEL_HANGUP at once, its loopback peer's a media tick later, each leg then CS_HANGUP, CS_REPORTING and
// CHANNEL_HANGUP_COMPLETE.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startInboundSocket, type InboundSocket } from '../../../runtime/esl-simulator';
import { channelOf, frameStream, signature } from './transcript-replay';

describe('ESL simulator inbound socket: uuid_kill of a loopback leg', () => {
  let fs: InboundSocket;
  let socket: net.Socket;
  const received: { sig: string; channel: string }[] = [];

  beforeAll(async () => {
    fs = await startInboundSocket({ password: 'ClueCon' });
    socket = net.connect(fs.address.port, fs.address.host);
    socket.on(
      'data',
      frameStream((text) => {
        const sig = signature(text);
        if (sig !== null) received.push({ sig, channel: channelOf(text) });
      }),
    );
    await new Promise<void>((resolve) => socket.once('connect', resolve));
  });

  afterAll(async () => {
    socket?.destroy();
    await fs?.close();
  });

  /** Sends a command and waits until `count` frames have arrived in all. */
  async function send(command: string, count: number): Promise<void> {
    socket.write(`${command}\n\n`);
    const deadline = Date.now() + 5000;
    while (received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  test('the killed leg hangs up first, then its peer; an unknown or already killed uuid is -ERR No such channel!', async () => {
    const a = '7474f8ab-2b00-46e3-aa72-931e9bb2f8bf';
    await send('auth ClueCon', 2);
    await send('event plain CHANNEL_HANGUP CHANNEL_HANGUP_COMPLETE CHANNEL_STATE CHANNEL_EXECUTE_COMPLETE', 3);
    await send(`api originate {origination_uuid=${a}}loopback/esl_play/esltest &park()`, 5);
    await send(`api uuid_kill ${a}`, 15);
    await send(`api uuid_kill ${a}`, 16);
    await send('api uuid_kill 00000000-0000-4000-8000-000000000000', 17);
    const hangups = received.filter((r) => r.sig.startsWith('CHANNEL_HANGUP NORMAL_CLEARING')).map((r) => r.channel);
    expect(hangups).toEqual(['loopback/esl_play-a', 'loopback/esl_play-b']);
    const leg = (channel: string) => received.filter((r) => r.channel === channel).map((r) => r.sig);
    expect(leg('loopback/esl_play-a')).toEqual([
      'CHANNEL_HANGUP NORMAL_CLEARING CS_EXECUTE',
      'CHANNEL_STATE CS_HANGUP ACTIVE',
      'CHANNEL_STATE CS_REPORTING HANGUP',
      'CHANNEL_HANGUP_COMPLETE NORMAL_CLEARING CS_REPORTING HANGUP digits_dialed=none',
    ]);
    expect(leg('loopback/esl_play-b')).toEqual([
      // Answered in the dialplan before the kill.
      'CHANNEL_EXECUTE_COMPLETE answer _none_',
      'CHANNEL_HANGUP NORMAL_CLEARING CS_EXECUTE',
      'CHANNEL_EXECUTE_COMPLETE sleep _none_',
      'CHANNEL_STATE CS_HANGUP ACTIVE',
      'CHANNEL_STATE CS_REPORTING HANGUP',
      'CHANNEL_HANGUP_COMPLETE NORMAL_CLEARING CS_REPORTING HANGUP digits_dialed=none',
    ]);
    expect(leg('').filter((sig) => sig.startsWith('api'))).toEqual([
      `api +OK ${a.replace(/\d+/g, '#')}`,
      'api +OK',
      'api -ERR No such channel!',
      'api -ERR No such channel!',
    ]);
  });
});
