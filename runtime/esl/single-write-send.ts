// drachtio-modesl writes a command as one socket.write per header line; with Nagle off each is its own TCP packet and
// syscall (≈ 6 % of the runtime's CPU at 80 calls/s). This sends the whole command in one write instead.

import esl from 'drachtio-modesl';
import type { Connection } from 'drachtio-modesl';

let patched = false;

/** Replace Connection.prototype.send once per process; the bytes on the wire are the same. */
export function sendCommandsInOneWrite(): void {
  if (patched) return;
  patched = true;
  esl.Connection.prototype.send = function (
    this: Connection,
    command: string,
    args?: Record<string, string | number | boolean>,
  ) {
    let text = `${command}\n`;
    if (args) for (const key of Object.keys(args)) text += `${key}: ${String(args[key])}\n`;
    try {
      this.socket?.write(`${text}\n`);
    } catch (error) {
      this.emit('error', error);
    }
  };
}
