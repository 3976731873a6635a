// The runtime's Prometheus metrics (prom-client), on a registry of its own so several runtimes can live in one process.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class RuntimeMetrics {
  readonly registry = new Registry();
  readonly activeCalls = new Gauge({
    name: 'callflow_active_calls',
    help: 'Calls in progress by flow and version',
    labelNames: ['flow', 'version'],
    registers: [this.registry],
  });
  readonly callsEnded = new Counter({
    name: 'callflow_calls_total',
    help: 'Calls ended, by end reason (unknownNumber for numbers no line serves)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly effectSeconds = new Histogram({
    name: 'callflow_effect_duration_seconds',
    help: 'Time from an effect request to its answer, by effect',
    labelNames: ['effect'],
    buckets: [0.005, 0.02, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });
  readonly eslErrors = new Counter({
    name: 'callflow_esl_errors_total',
    help: 'ESL protocol and socket errors, and connections refused before becoming a call',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly eventWriteLag = new Histogram({
    name: 'callflow_event_write_lag_seconds',
    help: 'Time from a call event to its commit in PostgreSQL',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300],
    registers: [this.registry],
  });
  readonly spoolSize = new Gauge({
    name: 'callflow_event_spool_size',
    help: 'Call events waiting in the on-disk spool for PostgreSQL',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'callflow_runtime_' });
  }
}
