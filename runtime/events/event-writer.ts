// Batches call events into PostgreSQL (every 100 ms or 500 ops); while it is unreachable they wait in an on-disk spool.

import { appendFile, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../schemas/database';
import { applyOps, type EventOp } from './event-ops';

export interface EventWriterOptions {
  db: Database;
  spoolDir: string;
  flushMs?: number;
  batchSize?: number;
  /** How often a non-empty spool is retried (default 500 ms). */
  retryMs?: number;
  log(message: string): void;
  /** Seconds from an op being queued to its commit (metrics). */
  onCommitted?(lagSeconds: number[]): void;
  /** Ops currently waiting in the spool (metrics, healthz). */
  onSpoolSize?(ops: number): void;
}

interface Queued {
  op: EventOp;
  queuedAt: number;
}

const SPOOL = 'events.spool';
const REPLAYING = /^events\.replaying\.\d+$/;
/** A spooled chunk that fails this often for another reason than the outage is set aside, not retried forever. */
const MAX_CHUNK_FAILURES = 5;

/**
 * Order is kept end to end: while anything is spooled every new op is spooled behind it, and the spool is replayed
 * oldest file first, chunk by chunk in file order. Each op is idempotent (event-ops.ts), so a chunk replayed again
 * after a crash between its commit and the file's removal is harmless: none lost, none doubled.
 */
export class EventWriter {
  private buffer: Queued[] = [];
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private spooling = false;
  private spooled = 0;
  private stopped = false;
  private readonly flushMs: number;
  private readonly batchSize: number;
  private readonly retryMs: number;

  constructor(private readonly options: EventWriterOptions) {
    this.flushMs = options.flushMs ?? 100;
    this.batchSize = options.batchSize ?? 500;
    this.retryMs = options.retryMs ?? 500;
  }

  /** Picks up a spool left by an earlier process (a crash or a stop during an outage). */
  async start(): Promise<void> {
    await mkdir(this.options.spoolDir, { recursive: true });
    const files = await this.spoolFiles();
    if (files.length > 0) {
      this.spooling = true;
      for (const file of files) this.spooled += (await this.readOps(file)).length;
      this.options.onSpoolSize?.(this.spooled);
      this.options.log(`event spool: ${this.spooled} events from an earlier run wait for the database`);
      this.scheduleReplay(0);
    }
  }

  get spoolSize(): number {
    return this.spooled;
  }

  get isSpooling(): boolean {
    return this.spooling;
  }

  add(op: EventOp): void {
    this.buffer.push({ op, queuedAt: Date.now() });
    if (this.buffer.length >= this.batchSize) this.flushSoon(0);
    else this.flushSoon(this.flushMs);
  }

  private flushSoon(ms: number): void {
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  /** Write (or spool) everything queued so far; resolves when it is committed or on disk. */
  flush(): Promise<void> {
    return this.chain(() => this.flushNow());
  }

  /** Runs `step` after everything queued before it; a failing step is logged and never blocks the steps after it. */
  private chain(step: () => Promise<void>): Promise<void> {
    this.flushing = this.flushing.then(step).catch((error: Error) => {
      this.options.log(`event writer: ${error.message}; retrying`);
      if (this.spooling) this.scheduleReplay(this.retryMs);
    });
    return this.flushing;
  }

  private async flushNow(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      if (this.spooling) {
        await this.spool(batch);
        continue;
      }
      try {
        await this.options.db.transaction((tx) =>
          applyOps(
            tx,
            batch.map((q) => q.op),
          ),
        );
        const now = Date.now();
        this.options.onCommitted?.(batch.map((q) => (now - q.queuedAt) / 1000));
      } catch (error) {
        this.options.log(
          `event write failed, spooling to disk until the database is back: ${(error as Error).message}`,
        );
        this.spooling = true;
        await this.spool(batch);
        this.scheduleReplay(this.retryMs);
      }
    }
  }

  private async spool(batch: Queued[]): Promise<void> {
    await appendFile(path.join(this.options.spoolDir, SPOOL), batch.map((q) => `${JSON.stringify(q.op)}\n`).join(''));
    this.spooled += batch.length;
    this.options.onSpoolSize?.(this.spooled);
  }

  private scheduleReplay(ms: number): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.chain(() => this.replay());
    }, ms);
  }

  /** Oldest first: files being replayed (named with a sequence), then the live spool file. */
  private async spoolFiles(): Promise<string[]> {
    const names = await readdir(this.options.spoolDir).catch(() => [] as string[]);
    const replaying = names
      .filter((n) => REPLAYING.test(n))
      .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
    return [...replaying, ...(names.includes(SPOOL) ? [SPOOL] : [])].map((n) => path.join(this.options.spoolDir, n));
  }

  private async readOps(file: string): Promise<EventOp[]> {
    const text = await readFile(file, 'utf8').catch(() => '');
    // A line cut short by a crash mid-append is the only unreadable kind; it was never acknowledged to anyone.
    return text.split('\n').flatMap((line) => {
      if (!line) return [];
      try {
        return [JSON.parse(line) as EventOp];
      } catch {
        return [];
      }
    });
  }

  private chunkFailures = 0;

  private async replay(): Promise<void> {
    const files = await this.spoolFiles();
    for (let file of files) {
      if (path.basename(file) === SPOOL) {
        // New ops keep landing in the live file while this one is replayed.
        const moved = path.join(this.options.spoolDir, `events.replaying.${Date.now()}`);
        await rename(file, moved);
        file = moved;
      }
      const ops = await this.readOps(file);
      for (let i = 0; i < ops.length; i += this.batchSize) {
        const chunk = ops.slice(i, i + this.batchSize);
        try {
          await this.options.db.transaction((tx) => applyOps(tx, chunk));
          this.chunkFailures = 0;
        } catch (error) {
          if (++this.chunkFailures >= MAX_CHUNK_FAILURES && !isConnectionError(error)) {
            await appendFile(
              path.join(this.options.spoolDir, 'events.rejected'),
              chunk.map((op) => `${JSON.stringify(op)}\n`).join(''),
            );
            this.options.log(
              `event spool: ${chunk.length} events set aside in events.rejected after ${MAX_CHUNK_FAILURES} failures: ${(error as Error).message}`,
            );
            this.chunkFailures = 0;
          } else {
            // Keep what is left of this file, in order, for the next attempt.
            await this.rewrite(file, ops.slice(i));
            this.scheduleReplay(this.retryMs);
            return;
          }
        }
        this.spooled = Math.max(0, this.spooled - chunk.length);
        this.options.onSpoolSize?.(this.spooled);
      }
      await unlink(file);
    }
    const left = await this.spoolFiles();
    if (left.length > 0) return this.replay();
    this.spooling = false;
    this.spooled = 0;
    this.options.onSpoolSize?.(0);
    this.options.log('event spool: replayed, writing to the database again');
    if (this.buffer.length > 0) this.flushSoon(0);
  }

  private async rewrite(file: string, ops: EventOp[]): Promise<void> {
    const temp = `${file}.tmp`;
    await appendFile(temp, ops.map((op) => `${JSON.stringify(op)}\n`).join(''), { flag: 'w' });
    await rename(temp, file);
  }

  /** Flush what is queued (to the database or the spool) and stop retrying; a later start() replays the spool. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.flushing;
  }
}

/** Socket-level failures and PostgreSQL's connection SQLSTATEs: the database is away, not the data wrong. */
function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const raw = (e as { code?: unknown }).code;
    const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
    if (
      /^(ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|CONNECT_TIMEOUT|CONNECTION_)/.test(code) ||
      /^(08|57P0)/.test(code)
    )
      return true;
  }
  return false;
}
