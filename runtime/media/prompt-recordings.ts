// Recordings from the studio's prompt library, written where FreeSWITCH reads them: `<sounds dir>/<language>/<key>.<wav|mp3>`.
// The library lives in the database (64 KB chunk rows), which FreeSWITCH cannot read; the runtime copies each recording
// into the sounds directory at start, and again when the studio announces an upload, replacement or deletion (NOTIFY
// callflow_prompt_audio) or a publish. This needs FreeSWITCH to see the runtime's filesystem (same machine, or a shared
// volume); a remote FreeSWITCH would fetch recordings over HTTP with mod_http_cache instead (README).

import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { DatabaseHandle, Unlisten } from '../../schemas/database';
import { promptAudio } from '../../schemas/db';
import { listenFor } from '../../schemas/notify-channels';
import { readAudioChunk } from '../../schemas/prompt-audio-chunks';

/** Which recording a file holds: a replacement gets a new blob, so an unchanged blob id means an unchanged file. */
interface WrittenFile {
  file: string;
  blobId: string;
}

/** Lists what this runtime wrote, so a restart rewrites nothing unchanged and a deleted recording's file goes. */
const MANIFEST = '.callflow-recordings.json';

/** Names safe as one path segment and inside FreeSWITCH's playback / file_string arguments (no `/`, `!`, spaces). */
const SAFE_SEGMENT = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

const slot = (language: string, key: string) => `${language}\n${key.toLowerCase()}`;

export interface PromptRecordingsOptions {
  database: DatabaseHandle;
  /** The sounds directory as both the runtime and FreeSWITCH see it (CALLFLOW_SOUNDS_DIR). */
  soundsDir: string;
  log(message: string): void;
}

export class PromptRecordings {
  private files = new Map<string, WrittenFile>();
  private readonly missingLogged = new Set<string>();
  private unlisten: Unlisten[] = [];
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly options: PromptRecordingsOptions) {}

  /** Write every recording once, then follow the studio's announcements. */
  async start(): Promise<void> {
    await this.loadManifest();
    const resync = () =>
      void this.sync().catch((error: unknown) =>
        this.options.log(`prompt recordings: sync failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    // One off its contract resyncs too: a sync compares the manifest, so a needless one writes nothing.
    this.unlisten.push(await listenFor(this.options.database, 'promptAudio', resync, resync));
    this.unlisten.push(await listenFor(this.options.database, 'publish', resync, resync));
    await this.sync();
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.unlisten.map((fn) => fn()));
    this.unlisten = [];
    await this.running?.catch(() => undefined);
  }

  /**
   * The file FreeSWITCH plays for `key` in `language`, or undefined when the library has no such recording: logged once
   * per key and language in this process (not per call) until it is uploaded, saying whether the caller hears the
   * piece's fallback text instead (`spoken`) or nothing.
   * @example recordings.fileOf('zh-CN', 'Welcome') // '/usr/share/freeswitch/sounds/callflow/zh-CN/welcome.wav'
   */
  fileOf(language: string, key: string, spoken = false): string | undefined {
    const id = slot(language, key);
    const written = this.files.get(id);
    if (written) return written.file;
    if (!this.missingLogged.has(id)) {
      this.missingLogged.add(id);
      const instead = spoken
        ? "its fallback text is spoken in the language's TTS voice"
        : 'the piece is skipped (it has no fallback text)';
      this.options.log(`prompt recordings: no ${language} recording "${key}" in the prompt library; ${instead}`);
    }
    return undefined;
  }

  /** Bring the directory in line with the library; calls during a sync run one more sync after it. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.syncOnce();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async syncOnce(): Promise<void> {
    const rows = await this.options.database.db
      .select({
        key: promptAudio.key,
        language: promptAudio.language,
        format: promptAudio.format,
        blobId: promptAudio.blobId,
        sizeBytes: promptAudio.sizeBytes,
      })
      .from(promptAudio);
    const next = new Map<string, WrittenFile>();
    for (const row of rows) {
      const key = row.key.toLowerCase();
      if (!SAFE_SEGMENT.test(key) || !SAFE_SEGMENT.test(row.language)) {
        this.options.log(
          `prompt recordings: "${row.key}" (${row.language}) is not a name FreeSWITCH can play as a file; skipped`,
        );
        continue;
      }
      const file = path.join(this.options.soundsDir, row.language, `${key}.${row.format}`);
      const before = this.files.get(slot(row.language, key));
      if (!(before && before.blobId === row.blobId && before.file === file && existsSync(file))) {
        const written = await this.write(file, row.blobId, row.sizeBytes);
        // Replaced while it was read: the announcement of the replacement runs the next sync.
        if (!written) continue;
      }
      next.set(slot(row.language, key), { file, blobId: row.blobId });
      this.missingLogged.delete(slot(row.language, key));
    }
    const kept = new Set([...next.values()].map((entry) => entry.file));
    for (const old of this.files.values()) if (!kept.has(old.file)) await rm(old.file, { force: true });
    this.files = next;
    await this.saveManifest();
  }

  /** Chunks one at a time into a temporary file renamed over the old one: FreeSWITCH never opens half a recording. */
  private async write(file: string, blobId: string, sizeBytes: number): Promise<boolean> {
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    const out = createWriteStream(partial);
    let size = 0;
    try {
      for (let seq = 0; size < sizeBytes; seq++) {
        const chunk = await readAudioChunk(this.options.database.db, blobId, seq);
        if (!chunk) break;
        size += chunk.length;
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } finally {
      out.end();
      await once(out, 'close');
    }
    if (size !== sizeBytes) {
      await rm(partial, { force: true });
      return false;
    }
    await rename(partial, file);
    return true;
  }

  private async loadManifest(): Promise<void> {
    try {
      const entries = JSON.parse(await readFile(path.join(this.options.soundsDir, MANIFEST), 'utf8')) as Record<
        string,
        WrittenFile
      >;
      // Only files inside the sounds directory: the manifest never makes the runtime delete anything else.
      const inside = (file: string) => path.resolve(file).startsWith(path.resolve(this.options.soundsDir) + path.sep);
      this.files = new Map(
        Object.entries(entries).filter(
          ([, entry]) => typeof entry?.file === 'string' && typeof entry.blobId === 'string' && inside(entry.file),
        ),
      );
    } catch {
      this.files = new Map();
    }
  }

  private async saveManifest(): Promise<void> {
    await mkdir(this.options.soundsDir, { recursive: true });
    await writeFile(path.join(this.options.soundsDir, MANIFEST), JSON.stringify(Object.fromEntries(this.files)));
  }
}
