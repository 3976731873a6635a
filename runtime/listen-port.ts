// Binding the runtime's two ports: a port another program holds is one clear sentence naming the setting to change.

import type { Server } from 'node:net';

export class RuntimePortInUseError extends Error {
  override name = 'RuntimePortInUseError';
  constructor(
    readonly setting: string,
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `runtime: port ${port} on ${host} (${setting}) is already in use by another program; stop it, or set ${setting} to a free host:port.`,
    );
  }
}

/** `server.listen(port, host)`, rejecting with RuntimePortInUseError on EADDRINUSE (other errors as they are). */
export function listenOn(server: Server, address: { host: string; port: number }, setting: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new RuntimePortInUseError(setting, address.host, address.port) : error);
    server.once('error', failed);
    server.listen(address.port, address.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
