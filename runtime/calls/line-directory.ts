// Finds the flow version a dialled number serves: lines and versions from the database, cached, refreshed on NOTIFY.

import { and, desc, eq } from 'drizzle-orm';
import { compile, type CompiledFlow } from '../../flow-engine/compile';
import type { CallMachine } from '../../flow-engine/compile';
import type { DatabaseHandle, Unlisten } from '../../schemas/database';
import { flows, flowVersions, lines } from '../../schemas/db';
import { InvalidLineNumberError, normaliseLineNumber } from '../../schemas/line-number';
import { loadResolver } from '../../schemas/load-resolver';
import { listenFor } from '../../schemas/notify-channels';

/** One published version, compiled once and bound to the runtime's driver. */
export interface ServedVersion {
  flowId: string;
  flowKey: string;
  version: number;
  compiled: CompiledFlow;
  machine: CallMachine;
}

export type LineLookup =
  | { kind: 'served'; lineId: string; number: string; served: ServedVersion }
  | { kind: 'unknown'; number: string; reason: 'invalidNumber' | 'noLine' | 'disabled' | 'notPublished' };

interface LineRow {
  id: string;
  number: string;
  enabled: boolean;
  flowId: string;
  flowKey: string;
  pinned: number | null;
}

export interface LineDirectoryOptions {
  /** Longest a line → version answer is reused without asking the database (default 1 s; NOTIFY clears it sooner). */
  ttlMs?: number;
  /** Binds a compiled machine to the runtime's driver. */
  bind(compiled: CompiledFlow): CallMachine;
}

/**
 * The numbers FreeSWITCH reports (destination number) and the numbers admins typed are both normalised with the
 * studio's normaliser; `+8610…` and `8610…` name the same line.
 */
export function lineNumberCandidates(dialled: string): string[] {
  const number = normaliseLineNumber(dialled);
  return number.startsWith('+') ? [number, number.slice(1)] : [number, `+${number}`];
}

export class LineDirectory {
  /** Every line keyed by its normalised number, with the version it serves; reloaded when older than the TTL. */
  private table: { byNumber: Map<string, LineRow>; at: number } | undefined;
  private loading: Promise<Map<string, LineRow>> | undefined;
  private loadingSince = 0;
  private readonly latest = new Map<string, { version: number | null; at: number }>();
  private readonly versions = new Map<string, Promise<ServedVersion>>();
  private readonly ttlMs: number;
  private unlisten: Unlisten[] = [];

  constructor(
    private readonly database: DatabaseHandle,
    private readonly options: LineDirectoryOptions,
  ) {
    this.ttlMs = options.ttlMs ?? 1000;
  }

  /** Subscribe to publish and line changes: the next call after a publish uses the new version. */
  async start(): Promise<void> {
    // Stale, not forgotten: the next call reloads, and if the database is away by then the old answer still serves.
    const clear = () => {
      if (this.table) this.table.at = 0;
      for (const entry of this.latest.values()) entry.at = 0;
    };
    // Any announcement clears, one off its contract too: a needless reload costs one query, a stale line a wrong call.
    this.unlisten.push(await listenFor(this.database, 'publish', clear, clear));
    this.unlisten.push(await listenFor(this.database, 'lines', clear, clear));
  }

  /**
   * Compile and bind the version every enabled line serves, so the first call on each line finds its machine ready
   * (issue 14 point 3f: the first calls after a start waited 261–410 ms). Returns how many versions are ready; a line
   * whose version cannot be loaded is reported through `failed` and left to the first call, as before.
   */
  async warm(failed: (number: string, error: unknown) => void): Promise<number> {
    const table = await this.loadLines();
    const ready = new Set<string>();
    for (const row of table.values()) {
      if (!row.enabled) continue;
      try {
        const found = await this.lookup(row.number);
        if (found.kind === 'served') ready.add(`${found.served.flowId}:${found.served.version}`);
      } catch (error) {
        failed(row.number, error);
      }
    }
    return ready.size;
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.unlisten.map((fn) => fn()));
    this.unlisten = [];
  }

  /**
   * The version a call to `dialled` runs. When the database is unreachable, what was loaded before is served
   * however old (a call beats a fresh answer); with nothing loaded the error propagates.
   */
  async lookup(dialled: string): Promise<LineLookup> {
    let candidates: string[];
    try {
      candidates = lineNumberCandidates(dialled);
    } catch (error) {
      if (error instanceof InvalidLineNumberError) return { kind: 'unknown', number: dialled, reason: 'invalidNumber' };
      throw error;
    }
    const askedAt = Date.now();
    const table = await this.lines();
    let row = candidates.map((c) => table.byNumber.get(c)).find(Boolean);
    if (!row) {
      // A line added a moment ago may not be in the table yet (its NOTIFY still on the way): look once more, in a load
      // that started after this call arrived. Loads are shared, so a burst of unknown numbers costs one query at a time.
      const fresh = await this.loadLinesSince(askedAt).catch(() => table.byNumber);
      row = candidates.map((c) => fresh.get(c)).find(Boolean);
    }
    if (!row) return { kind: 'unknown', number: candidates[0] ?? dialled, reason: 'noLine' };
    if (!row.enabled) return { kind: 'unknown', number: row.number, reason: 'disabled' };
    const version = row.pinned ?? (await this.latestVersion(row.flowId));
    if (version === null) return { kind: 'unknown', number: row.number, reason: 'notPublished' };
    return {
      kind: 'served',
      lineId: row.id,
      number: row.number,
      served: await this.version(row.flowId, row.flowKey, version),
    };
  }

  /**
   * Lines keep numbers as admins typed them; both sides go through the studio's normaliser. A stale table is served
   * at once while it is reloaded in the background (a slow or unreachable database never delays a known line's
   * caller); only the first load, and a number missing from a stale table (a line just added), wait for the database.
   */
  private async lines(): Promise<{ byNumber: Map<string, LineRow>; stale: boolean }> {
    const table = this.table;
    if (table && Date.now() - table.at <= this.ttlMs) return { byNumber: table.byNumber, stale: false };
    const loading = this.loadLines();
    if (!table) return { byNumber: await loading, stale: false };
    loading.catch(() => undefined);
    return { byNumber: table.byNumber, stale: true };
  }

  /** A table loaded by a query that started at or after `since`. */
  private async loadLinesSince(since: number): Promise<Map<string, LineRow>> {
    while (this.loading && this.loadingSince < since) await this.loading.catch(() => undefined);
    return this.loadLines();
  }

  /** The table from the database (one query at a time); on failure the caller keeps what it had. */
  private loadLines(): Promise<Map<string, LineRow>> {
    if (!this.loading) this.loadingSince = Date.now();
    this.loading ??= (async () => {
      try {
        const rows = await this.database.db
          .select({
            id: lines.id,
            number: lines.number,
            enabled: lines.enabled,
            flowId: lines.flowId,
            flowKey: flows.key,
            pinned: lines.version,
          })
          .from(lines)
          .innerJoin(flows, eq(lines.flowId, flows.id));
        const byNumber = new Map<string, LineRow>();
        for (const row of rows) {
          try {
            byNumber.set(normaliseLineNumber(row.number), row);
          } catch {
            // A number that no longer normalises cannot be dialled; the studio refuses new ones like it.
          }
        }
        this.table = { byNumber, at: Date.now() };
        return byNumber;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  /** The newest version number of a flow; stale answers are served while a fresh one is fetched, as for lines. */
  private async latestVersion(flowId: string): Promise<number | null> {
    const cached = this.latest.get(flowId);
    if (cached && Date.now() - cached.at <= this.ttlMs) return cached.version;
    const fetching = (async () => {
      const [row] = await this.database.db
        .select({ number: flowVersions.number })
        .from(flowVersions)
        .where(eq(flowVersions.flowId, flowId))
        .orderBy(desc(flowVersions.number))
        .limit(1);
      const version = row?.number ?? null;
      this.latest.set(flowId, { version, at: Date.now() });
      return version;
    })();
    if (!cached) return fetching;
    // One refresh at a time per flow: the stale entry counts as fresh until this one settles.
    cached.at = Date.now();
    fetching.catch(() => (cached.at = 0));
    return cached.version;
  }

  /** Versions are immutable: compiled once per process (a failed load is retried by the next call). */
  private version(flowId: string, flowKey: string, number: number): Promise<ServedVersion> {
    const key = `${flowId}:${number}`;
    let pending = this.versions.get(key);
    if (!pending) {
      pending = (async () => {
        const [row] = await this.database.db
          .select({ document: flowVersions.document })
          .from(flowVersions)
          .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.number, number)));
        if (!row) throw new Error(`Version ${number} of flow ${flowKey} is not in the database.`);
        const resources = await loadResolver(this.database.db, row.document);
        const compiled = compile(row.document, { resources });
        return { flowId, flowKey, version: number, compiled, machine: this.options.bind(compiled) };
      })();
      pending.catch(() => this.versions.delete(key));
      this.versions.set(key, pending);
    }
    return pending;
  }
}
