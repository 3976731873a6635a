// The benchmark's floor: drachtio-modesl driven by hand, sending the very applications the runtime sends for the
// bench flow (checked against the simulator's trace), in the same order; no flow engine, no database.

import net from 'node:net';
import esl from 'drachtio-modesl';
import type { Connection } from 'drachtio-modesl';

export async function startBareApp(): Promise<{
  address: { host: string; port: number };
  calls(): number;
  close(): void;
}> {
  let open = 0;
  const server = net.createServer((socket) => {
    open++;
    socket.once('close', () => open--);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    const conn: Connection = new esl.Connection(socket);
    conn.on('error', () => undefined);
    conn.once('esl::ready', () =>
      setImmediate(() => {
        const uuid = conn.getInfo()?.getHeader('Unique-ID') ?? '';
        const exec = (app: string, arg: string) =>
          new Promise<void>((resolve) => {
            const id = `${uuid}-${Math.random()}`;
            const onDone = (event: { getHeader(n: string): string | null }) => {
              if (event.getHeader('Application-UUID') !== id) return;
              conn.off(`esl::event::CHANNEL_EXECUTE_COMPLETE::${uuid}`, onDone as never);
              resolve();
            };
            conn.on(`esl::event::CHANNEL_EXECUTE_COMPLETE::${uuid}`, onDone as never);
            conn.sendRecv(
              'sendmsg',
              { 'call-command': 'execute', 'execute-app-name': app, 'execute-app-arg': arg, 'Event-UUID': id },
              () => undefined,
            );
          });
        conn.sendRecv('linger', () => undefined);
        // The script runs once the subscription is confirmed; sendRecv ignores what its callback returns.
        conn.sendRecv(
          'myevents',
          () =>
            void (async () => {
              await exec('answer', '');
              await exec('set', 'playback_terminators=none');
              await exec('speak', 'flite|kal|Welcome to the benchmark');
              await exec('flush_dtmf', '');
              await exec('multiset', 'tts_engine=flite tts_voice=kal');
              await exec(
                'play_and_get_digits',
                "1 1 1 5000 none 'say:Press 1' silence_stream://250 callflow_digits ^[0-9*#]+$ 5000",
              );
              await exec('speak', 'flite|kal|Goodbye');
              await exec('multiset', 'callflow_path=start,hello,menu,bye callflow_end=hangup@bye');
              conn.sendRecv(
                'sendmsg',
                { 'call-command': 'execute', 'execute-app-name': 'hangup', 'execute-app-arg': 'NORMAL_CLEARING' },
                () => undefined,
              );
            })(),
        );
        conn.on('esl::event::CHANNEL_HANGUP_COMPLETE::*', () => socket.destroy());
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { address: { host: '127.0.0.1', port }, calls: () => open, close: () => server.close() };
}
