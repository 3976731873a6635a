// The prompt audio library in the database: store (replacing the same key + language), list without bytes, read, delete.

import { and, asc, eq, sql } from 'drizzle-orm';
import { promptAudio } from '../../../schemas/db';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import type { AudioInfo } from './audio-limits';

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

/** Saves a checked recording under key + language, replacing an earlier one there; audited in the same transaction. */
export async function storePromptAudio(db: Executor, actor: { id: string }, input: StoreAudioInput): Promise<PromptAudioSummary & { replaced: boolean }> {
  return db.transaction(async (tx) => {
    const values = {
      key: input.key,
      language: input.language,
      fileName: input.fileName,
      format: input.info.format,
      codec: input.info.codec,
      durationMs: input.info.durationMs,
      sampleRate: input.info.sampleRate,
      channels: input.info.channels,
      sizeBytes: input.bytes.length,
      data: input.bytes,
      uploadedBy: actor.id,
      updatedAt: new Date(),
    };
    const [before] = await tx.select(summary).from(promptAudio).where(and(eq(promptAudio.key, input.key), eq(promptAudio.language, input.language))).for('update');
    const [row] = await tx
      .insert(promptAudio)
      .values(values)
      .onConflictDoUpdate({ target: [promptAudio.key, promptAudio.language], set: values })
      .returning(summary);
    const view = ({ id: _id, updatedAt: _at, ...rest }: PromptAudioSummary) => rest;
    await recordAudit(tx, { actor, action: before ? 'promptAudio.replace' : 'promptAudio.upload', entityType: 'promptAudio', entityId: row.id, before: before ? view(before) : null, after: view(row) });
    return { ...row, replaced: Boolean(before) };
  });
}

export function listPromptAudio(db: Executor): Promise<PromptAudioSummary[]> {
  return db.select(summary).from(promptAudio).orderBy(asc(promptAudio.key), sql`${promptAudio.language} collate "C"`);
}

/** The recording's bytes and type for playback, or null. */
export async function readPromptAudio(db: Executor, id: string): Promise<{ fileName: string; format: 'wav' | 'mp3'; data: Uint8Array } | null> {
  const [row] = await db.select({ fileName: promptAudio.fileName, format: promptAudio.format, data: promptAudio.data }).from(promptAudio).where(eq(promptAudio.id, id));
  return row ?? null;
}

export async function deletePromptAudio(db: Executor, actor: { id: string }, id: string): Promise<PromptAudioSummary | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx.delete(promptAudio).where(eq(promptAudio.id, id)).returning(summary);
    if (!before) return null;
    const { id: _id, updatedAt: _at, ...view } = before;
    await recordAudit(tx, { actor, action: 'promptAudio.delete', entityType: 'promptAudio', entityId: id, before: view });
    return before;
  });
}
