// A TCP proxy a test owns, in front of PostgreSQL, so the test can cut the database away and restore it without touching the server.

import net from 'node:net';

export interface TcpProxy {
  /** The port on 127.0.0.1 the proxy listens on; the same after a restore. */
  readonly port: number;
  /** Stops accepting and destroys every open link on both sides: clients see their connections drop, then refusals. */
  cut(): Promise<void>;
  /**
   * Drops only the database side of every open link: the server sees its client vanish, while the client side stays
   * open and silent (a network path that died without a reset reaching the client).
   */
  dropDatabaseSide(): void;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

interface Link {
  client: net.Socket;
  upstream: net.Socket;
  /** Set by dropDatabaseSide: the client side outlives the upstream. */
  stranded: boolean;
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

/** Starts a proxy on 127.0.0.1 (a free port) that forwards every connection to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const links = new Set<Link>();
  const server = net.createServer((client) => {
    const link: Link = { client, upstream: net.connect(target.port, target.host), stranded: false };
    links.add(link);
    for (const socket of [link.client, link.upstream]) {
      // A destroyed peer surfaces here as ECONNRESET/EPIPE; the other side is handled by the close handlers.
      socket.on('error', () => undefined);
    }
    link.client.pipe(link.upstream);
    link.upstream.pipe(link.client);
    link.client.on('close', () => {
      link.upstream.destroy();
      links.delete(link);
    });
    link.upstream.on('close', () => link.stranded || link.client.destroy());
  });

  const port = await listen(server, 0);
  let listening = true;
  const stop = async () => {
    if (!listening) return;
    listening = false;
    // close() stops accepting at once; its callback waits for open connections, which are destroyed next.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const link of links) {
      link.upstream.destroy();
      link.client.destroy();
    }
    await closed;
  };
  return {
    port,
    cut: stop,
    dropDatabaseSide() {
      for (const link of links) {
        link.stranded = true;
        link.client.unpipe(link.upstream);
        link.upstream.destroy();
      }
    },
    async restore() {
      if (listening) return;
      await listen(server, port);
      listening = true;
    },
    close: stop,
  };
}

/** `url` with its host and port replaced by the proxy's, so a client connects through it. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return proxied.toString();
}

/** A port on 127.0.0.1 that nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
