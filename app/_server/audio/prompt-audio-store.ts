// The prompt audio library in the database: store (replacing the same key + language, keys compared without case), list
// without bytes, read for playback, delete. The bytes are chunk rows (audio-chunks.ts), written before the short
// transaction that points the recording at them.

import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { promptAudio } from '../../../schemas/db';
import { recordAudit } from '../../../schemas/record-audit';
import type { Executor } from '../../../schemas/database';
import { announce } from '../../../schemas/notify-channels';
import { isUniqueViolation } from '../db/unique-violation';
import type { AudioInfo } from './audio-limits';
import { deleteAudioBlob, writeAudioBlob } from './audio-chunks';
import { oneRow } from '../db/one-row';

/** BCP 47 language tag as flows declare them (zh-CN, en-US, yue-HK). */
export const languagePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

export interface StoreAudioInput {
  key: string;
  language: string;
  fileName: string;
  bytes: Uint8Array;
  info: AudioInfo;
}

/** Every column but the bytes: what lists and the audit log show. */
const summary = {
  id: promptAudio.id,
  key: promptAudio.key,
  language: promptAudio.language,
  fileName: promptAudio.fileName,
  format: promptAudio.format,
  codec: promptAudio.codec,
  durationMs: promptAudio.durationMs,
  sampleRate: promptAudio.sampleRate,
  channels: promptAudio.channels,
  sizeBytes: promptAudio.sizeBytes,
  updatedAt: promptAudio.updatedAt,
};

export type PromptAudioSummary = { [K in keyof typeof summary]: (typeof summary)[K]['_']['data'] };

/** The recording under `key` (any case) and `language`, as the unique index `lower(key), language` sees it. */
const sameKey = (key: string, language: string) =>
  and(eq(sql`lower(${promptAudio.key})`, key.toLowerCase()), eq(promptAudio.language, language));

const auditView = ({ id: _id, updatedAt: _at, ...rest }: PromptAudioSummary & { blobId?: string }) => {
  const { blobId: _blob, ...view } = rest;
  return view;
};

async function pointAtBlob(
  db: Executor,
  actor: { id: string },
  input: StoreAudioInput,
  blobId: string,
): Promise<PromptAudioSummary & { replaced: boolean }> {
  return db.transaction(async (tx) => {
    const values = {
      language: input.language,
      fileName: input.fileName,
      format: input.info.format,
      codec: input.info.codec,
      durationMs: input.info.durationMs,
      sampleRate: input.info.sampleRate,
      channels: input.info.channels,
      sizeBytes: input.bytes.length,
      blobId,
      uploadedBy: actor.id,
      updatedAt: new Date(),
    };
    const [before] = await tx
      .select({ ...summary, blobId: promptAudio.blobId })
      .from(promptAudio)
      .where(sameKey(input.key, input.language))
      .for('update');
    let row: PromptAudioSummary;
    if (before) {
      // The first spelling of the key stays: flows match it without case either way.
      row = oneRow(
        await tx.update(promptAudio).set(values).where(eq(promptAudio.id, before.id)).returning(summary),
        'the prompt audio update',
      );
      await deleteAudioBlob(tx, before.blobId);
    } else {
      row = oneRow(
        await tx
          .insert(promptAudio)
          .values({ ...values, key: input.key })
          .returning(summary),
        'the prompt audio insert',
      );
    }
    await recordAudit(tx, {
      actor,
      action: before ? 'promptAudio.replace' : 'promptAudio.upload',
      entityType: 'promptAudio',
      entityId: row.id,
      before: before ? auditView(before) : null,
      after: auditView(row),
    });
    // The runtime writes the recording where FreeSWITCH reads it (runtime/media/prompt-recordings.ts).
    await announce(tx, 'promptAudio', { key: row.key, language: row.language });
    return { ...row, replaced: Boolean(before) };
  });
}

/** Saves a checked recording under key + language, replacing an earlier one there (whatever the key's case); audited. */
export async function storePromptAudio(
  db: Executor,
  actor: { id: string },
  input: StoreAudioInput,
): Promise<PromptAudioSummary & { replaced: boolean }> {
  const blobId = await writeAudioBlob(db, input.bytes);
  try {
    try {
      return await pointAtBlob(db, actor, input, blobId);
    } catch (error) {
      // Two first uploads of one key at once (PostgreSQL): the loser replaces the winner's recording.
      if (!isUniqueViolation(error)) throw error;
      return await pointAtBlob(db, actor, input, blobId);
    }
  } catch (error) {
    await deleteAudioBlob(db, blobId).catch(() => undefined);
    throw error;
  }
}

export function listPromptAudio(db: Executor): Promise<PromptAudioSummary[]> {
  return db
    .select(summary)
    .from(promptAudio)
    .orderBy(asc(promptAudio.key), sql`${promptAudio.language} collate "C"`);
}

/** What playback needs to stream a recording (its chunks are read by audio-chunks.ts), or null. */
export async function findPromptAudioBlob(
  db: Executor,
  id: string,
): Promise<{ fileName: string; format: 'wav' | 'mp3'; sizeBytes: number; blobId: string } | null> {
  const [row] = await db
    .select({
      fileName: promptAudio.fileName,
      format: promptAudio.format,
      sizeBytes: promptAudio.sizeBytes,
      blobId: promptAudio.blobId,
    })
    .from(promptAudio)
    .where(eq(promptAudio.id, id));
  return row ?? null;
}

export async function deletePromptAudio(
  db: Executor,
  actor: { id: string },
  id: string,
): Promise<PromptAudioSummary | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .delete(promptAudio)
      .where(eq(promptAudio.id, id))
      .returning({ ...summary, blobId: promptAudio.blobId });
    if (!before) return null;
    await deleteAudioBlob(tx, before.blobId);
    const { blobId: _blob, ...deleted } = before;
    await recordAudit(tx, {
      actor,
      action: 'promptAudio.delete',
      entityType: 'promptAudio',
      entityId: id,
      before: auditView(deleted),
    });
    await announce(tx, 'promptAudio', { key: deleted.key, language: deleted.language });
    return deleted;
  });
}
