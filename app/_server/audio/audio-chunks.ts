// A recording's bytes as 64 KB rows of prompt_audio_chunk, written and read one statement at a time with a turn of the
// event loop between them. One 10 MB bytea statement blocks embedded PGlite (WebAssembly in the studio's process) and so
// every request for 3 s (quiet machine) to 30 s (loaded); a chunk statement's stall grows with its size (2-core VM under
// load, median per statement: 32 KB 2 ms, 64 KB 3–8 ms, 256 KB 26 ms) while the total for 10 MB shrinks (64 KB: 1–2 s).
// The bytes travel as hex text: PGlite's own bytea conversion is a per-byte JavaScript loop, Node's hex codec is native
// (postgres.js uses it anyway).

import 'server-only';
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { promptAudioChunks } from '../../../schemas/db';
import { audioChunkBytes, readAudioChunk } from '../../../schemas/prompt-audio-chunks';
import type { Executor } from '../../../schemas/database';
import { reportInternalError } from '../internal-error';

// The reader is shared with the runtime (schemas/prompt-audio-chunks.ts); re-exported for the studio's imports.
export { audioChunkBytes, readAudioChunk };

/** Writes `bytes` as a new blob, each chunk its own statement (never inside a transaction: PGlite would hold every other query until it ends). */
export async function writeAudioBlob(db: Executor, bytes: Uint8Array): Promise<string> {
  const blobId = randomUUID();
  try {
    for (let seq = 0; seq * audioChunkBytes < bytes.length; seq++) {
      const hex = Buffer.from(
        bytes.buffer,
        bytes.byteOffset + seq * audioChunkBytes,
        Math.min(audioChunkBytes, bytes.length - seq * audioChunkBytes),
      ).toString('hex');
      await db.execute(
        sql`insert into ${promptAudioChunks} (blob_id, seq, bytes) values (${blobId}, ${seq}, decode(${hex}, 'hex'))`,
      );
      await nextTurn();
    }
  } catch (error) {
    await deleteAudioBlob(db, blobId).catch(() => undefined);
    throw error;
  }
  return blobId;
}

/** The blob's `sizeBytes` bytes as a stream of its chunks, read one at a time as the client takes them. */
export function audioBlobStream(db: Executor, blobId: string, sizeBytes: number): ReadableStream<Uint8Array> {
  let seq = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= sizeBytes) return controller.close();
      try {
        const chunk = await readAudioChunk(db, blobId, seq++);
        // Replaced or deleted while it played: end with an error rather than a short file that looks whole.
        if (!chunk) throw new Error('The recording changed while it was being sent.');
        sent += chunk.length;
        controller.enqueue(chunk);
      } catch (error) {
        // Logged here the way every internal error is (names and codes, no query parameters), not by whoever reads the stream.
        controller.error(reportInternalError(error, 'GET /api/audio/<id> (streaming)'));
      }
    },
  });
}

export async function deleteAudioBlob(db: Executor, blobId: string): Promise<void> {
  await db.delete(promptAudioChunks).where(eq(promptAudioChunks.blobId, blobId));
}
