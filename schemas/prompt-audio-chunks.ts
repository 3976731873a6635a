// Reading the prompt library's bytes (prompt_audio_chunk rows; schemas/notify-channels announces library changes):
// shared by the studio (streaming a recording to the browser) and the runtime (writing recordings where FreeSWITCH
// reads them), so it lives below both (DESIGN §2).

import { sql } from 'drizzle-orm';
import { selectRows, type Executor } from './database';
import { promptAudioChunks } from './db';

/** Bytes per chunk row (see app/_server/audio/audio-chunks.ts for why 64 KB). */
export const audioChunkBytes = 64 * 1024;

/** One chunk's bytes, or null past the end (or when the blob was replaced meanwhile). Hex on the wire: Node's codec is native. */
export async function readAudioChunk(db: Executor, blobId: string, seq: number): Promise<Uint8Array | null> {
  const [row] = await selectRows<{ hex: string }>(
    db,
    sql`select encode(bytes, 'hex') as hex from ${promptAudioChunks} where blob_id = ${blobId} and seq = ${seq}`,
  );
  return row ? new Uint8Array(Buffer.from(row.hex, 'hex')) : null;
}
