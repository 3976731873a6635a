// GET /healthz and GET /metrics for load balancers and Prometheus; nothing else is served.

import http from 'node:http';
import { listenOn } from './listen-port';
import type { RuntimeMetrics } from './metrics';

export interface HealthState {
  /** Compiling the served versions after a start: not ready for a balancer's calls yet. */
  warming?: boolean;
  draining: boolean;
  activeCalls: number;
  spooling: boolean;
  spoolSize: number;
}

export interface HealthServer {
  readonly address: { host: string; port: number };
  close(): Promise<void>;
}

/** 200 while accepting calls, 503 while warming up after a start or draining (so a balancer sends no new calls). */
export async function startHealthServer(
  address: { host: string; port: number },
  metrics: RuntimeMetrics,
  state: () => HealthState,
): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    const route = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    if (route === 'GET /healthz') {
      const now = state();
      const status = now.draining ? 'draining' : now.warming ? 'warming' : 'ok';
      res.writeHead(status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status,
          activeCalls: now.activeCalls,
          database: now.spooling ? 'unreachable, events spooled' : 'ok',
          spooledEvents: now.spoolSize,
        }),
      );
      return;
    }
    if (route === 'GET /metrics') {
      metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500).end();
        },
      );
      return;
    }
    res
      .writeHead(404, { 'content-type': 'text/plain' })
      .end('Not found: the runtime serves GET /healthz and GET /metrics.\n');
  });
  await listenOn(server, address, 'CALLFLOW_RUNTIME_HTTP');
  const bound = server.address() as import('node:net').AddressInfo;
  return {
    address: { host: bound.address, port: bound.port },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
