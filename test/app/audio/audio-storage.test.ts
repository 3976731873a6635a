// Prompt audio storage and the upload's edges: keys are one recording whatever their case, bytes are kept as 64 KB
// chunk rows (a 9.6 MB recording plays back whole; replacing or deleting it leaves no chunk behind), text with a NUL is
// refused with 400, and an unexpected failure answers 500 with an error id and logs one short line, never the bytes.

import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { audioChunkBytes } from '../../../app/_server/audio/audio-chunks';
import { createAudioDownloadHandler, createAudioUploadHandler } from '../../../app/_server/audio/audio-http';
import { selectRows } from '../../../schemas/database';
import { reportRouteErrors } from '../../../app/_server/http/report-route-errors';
import type { SessionUser } from '../../../app/_server/trpc';
import { auditLog, promptAudio } from '../../../schemas/db';
import { callerFor, seedUser } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { makeWav } from './make-wav';

const origin = 'http://127.0.0.1:3000';

interface Upload {
  key?: string;
  language?: string;
  file?: { name: string; bytes: Uint8Array };
}

function uploadRequest(fields: Upload, userId: string): Request {
  const form = new FormData();
  if (fields.key !== undefined) form.set('key', fields.key);
  if (fields.language !== undefined) form.set('language', fields.language);
  if (fields.file) form.set('file', new File([new Uint8Array(fields.file.bytes)], fields.file.name));
  return new Request(`${origin}/api/audio`, {
    method: 'POST',
    body: form,
    headers: { origin, 'sec-fetch-site': 'same-origin', 'x-test-user': userId },
  });
}

type Answer = {
  audio?: { id: string; key: string; replaced: boolean };
  error?: { code: string; message: string; params: Record<string, string | number>; errorId?: string };
};

describe.each(testBackends)('prompt audio storage on $name', (backend) => {
  let database: TestDatabase;
  const users = new Map<string, SessionUser>();
  let designer: SessionUser;
  let upload: (request: Request) => Promise<Response>;
  let download: (request: Request, id: string) => Promise<Response>;

  const chunkCount = async () =>
    (await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from prompt_audio_chunk`))[0]!.n;
  const send = async (fields: Upload, user = designer) => {
    const response = await upload(uploadRequest(fields, user.id));
    return { status: response.status, body: (await response.json()) as Answer };
  };

  beforeAll(async () => {
    database = await backend.open();
    designer = await seedUser(database.db, 'designer');
    users.set(designer.id, designer);
    const options = {
      db: database.db,
      trustedOrigins: [origin],
      currentUser: async (headers: Headers) => users.get(headers.get('x-test-user') ?? '') ?? null,
    };
    // Wrapped as app/api/audio/route.ts wraps it: unexpected failures take the routes' one error path.
    upload = reportRouteErrors('POST /api/audio', createAudioUploadHandler(options));
    download = createAudioDownloadHandler(options);
  });
  afterAll(() => database?.close());
  afterEach(() => vi.restoreAllMocks());

  it('"dup" and "DUP" are one recording: the second upload replaces the first and the first spelling stays', async () => {
    const first = await send({
      key: 'dup',
      language: 'en-US',
      file: { name: 'dup.wav', bytes: makeWav({ seconds: 1 }) },
    });
    expect(first.status).toBe(201);
    const second = await send({
      key: 'DUP',
      language: 'en-US',
      file: { name: 'DUP.wav', bytes: makeWav({ seconds: 2 }) },
    });
    expect(second.status).toBe(200);
    expect(second.body.audio).toMatchObject({ id: first.body.audio?.id, key: 'dup', replaced: true });
    const rows = await database.db
      .select({ key: promptAudio.key, fileName: promptAudio.fileName, durationMs: promptAudio.durationMs })
      .from(promptAudio);
    expect(rows).toEqual([{ key: 'dup', fileName: 'DUP.wav', durationMs: 2000 }]);
    // The same key in another language is another recording.
    expect((await send({ key: 'Dup', language: 'zh-CN', file: { name: 'dup.wav', bytes: makeWav() } })).status).toBe(
      201,
    );
  });

  it('the database itself refuses a second row whose key differs only in case', async () => {
    const [row] = await database.db.select().from(promptAudio).where(eq(promptAudio.key, 'dup'));
    if (!row) throw new Error('expected the dup recording');
    const { id: _id, ...copy } = row;
    await expect(database.db.insert(promptAudio).values({ ...copy, key: 'dUp' })).rejects.toMatchObject({
      cause: { code: '23505' },
    });
  });

  it(`a 9.6 MB recording is kept as ${audioChunkBytes / 1024} KB chunks and plays back byte for byte; replacing and deleting it leave no chunk behind`, async () => {
    const big = makeWav({ seconds: 600 });
    const before = await chunkCount();
    const stored = await send({ key: 'big', language: 'en-US', file: { name: 'big.wav', bytes: big } });
    expect(stored.status).toBe(201);
    expect((await chunkCount()) - before).toBe(Math.ceil(big.length / audioChunkBytes));
    const id = stored.body.audio?.id ?? '';
    const played = await download(
      new Request(`${origin}/api/audio/${id}`, { headers: { 'x-test-user': designer.id } }),
      id,
    );
    expect(played.headers.get('content-length')).toBe(String(big.length));
    expect(Buffer.compare(Buffer.from(await played.arrayBuffer()), Buffer.from(big))).toBe(0);

    expect(
      (await send({ key: 'BIG', language: 'en-US', file: { name: 'big.wav', bytes: makeWav({ seconds: 1 }) } })).status,
    ).toBe(200);
    expect(await chunkCount()).toBe(before + 1);
    await callerFor(database.db, designer).promptAudio.delete({ id });
    expect(await chunkCount()).toBe(before);
  });

  it('playback that loses its chunks midway (replaced meanwhile) ends with an error, not a short file, and logs one short line', async () => {
    const wav = makeWav({ seconds: 15 });
    const stored = await send({ key: 'midway', language: 'en-US', file: { name: 'midway.wav', bytes: wav } });
    const id = stored.body.audio?.id ?? '';
    const played = await download(
      new Request(`${origin}/api/audio/${id}`, { headers: { 'x-test-user': designer.id } }),
      id,
    );
    const reader = (played.body as ReadableStream<Uint8Array>).getReader();
    let received = (await reader.read()).value?.length ?? 0;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The stream may already hold the next chunk (one ahead); everything after it goes.
    await database.db.execute(
      sql`delete from prompt_audio_chunk where seq > 1 and blob_id = (select blob_id from prompt_audio where id = ${id})`,
    );
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return null;
        received += value.length;
      }
    })().catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'ReportedInternalError' });
    expect(received).toBeLessThanOrEqual(2 * audioChunkBytes);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(
      /^\[api\] error [0-9a-f]{12} in GET \/api\/audio\/<id> \(streaming\): Error\b/,
    );
  });

  it('a NUL in the file name, key or language is refused with 400 before anything is stored, and nothing is logged', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wav = makeWav();
    const cases: [Upload, string][] = [
      [{ key: 'nul', language: 'en-US', file: { name: 'a\u0000b.wav', bytes: wav } }, 'fileName'],
      [{ key: 'nul\u0000', language: 'en-US', file: { name: 'a.wav', bytes: wav } }, 'key'],
      [{ key: 'nul', language: 'en-US\u0000', file: { name: 'a.wav', bytes: wav } }, 'language'],
    ];
    const chunksBefore = await chunkCount();
    for (const [fields, field] of cases) {
      const answer = await send(fields);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error, field).toMatchObject({ code: 'badText', params: { field } });
    }
    expect((await send(cases[0]![0])).body.error?.message).toBe(
      'The file name contains a NUL character or half of an emoji; remove it and upload again.',
    );
    expect(await database.db.select().from(promptAudio).where(eq(promptAudio.key, 'nul'))).toEqual([]);
    expect(await chunkCount()).toBe(chunksBefore);
    expect(errors).not.toHaveBeenCalled();
  });

  it('a failure inside the store answers 500 with an error id; the log line is short and holds neither bytes nor the uploader', async () => {
    // A signed-in user whose row is gone: the recording's uploaded_by foreign key fails inside the transaction.
    const ghost: SessionUser = { ...designer, id: 'user-that-was-deleted' };
    users.set(ghost.id, ghost);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const wav = makeWav({ seconds: 60 });
    const chunksBefore = await chunkCount();
    const answer = await send({ key: 'ghost', language: 'en-US', file: { name: 'ghost.wav', bytes: wav } }, ghost);
    expect(answer.status).toBe(500);
    expect(answer.body.error?.code).toBe('INTERNAL_SERVER_ERROR');
    const errorId = String(answer.body.error?.errorId);
    expect(answer.body.error?.message).toContain(`error id ${errorId}`);
    expect(errors).toHaveBeenCalledTimes(1);
    const line = String(errors.mock.calls[0]?.[0]);
    expect(line).toContain(errorId);
    expect(line.length).toBeLessThan(4000);
    expect(line).not.toContain(ghost.id);
    expect(line).not.toContain(Buffer.from(wav.subarray(44, 76)).toString('hex'));
    // The chunks written before the failure are removed again; nothing is audited.
    expect(await chunkCount()).toBe(chunksBefore);
    expect(
      await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityType, 'promptAudio'))
        .then((rows) => rows.filter((r) => (r.after as { key?: string } | null)?.key === 'ghost')),
    ).toEqual([]);
  });
});
