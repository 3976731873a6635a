// Prompt audio over HTTP: designers upload (checked, stored by key + language, replaced, audited), viewers play back and list,
// lower roles, other sites and bad files are refused with a code, nothing stored.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAudioDownloadHandler, createAudioUploadHandler } from '../../../app/_server/audio/audio-http';
import type { SessionUser } from '../../../app/_server/trpc';
import { auditLog, promptAudio } from '../../../schemas/db';
import { callerFor, seedUser } from '../helpers/callers';
import { testBackends, type TestDatabase } from '../helpers/test-database';
import { trpcError } from '../helpers/trpc-error';
import { makeWav } from './make-wav';

const origin = 'http://127.0.0.1:3000';

function uploadRequest(
  fields: { key?: string; language?: string; file?: { name: string; bytes: Uint8Array } },
  userId: string,
  headers: Record<string, string> = { origin, 'sec-fetch-site': 'same-origin' },
): Request {
  const form = new FormData();
  if (fields.key !== undefined) form.set('key', fields.key);
  if (fields.language !== undefined) form.set('language', fields.language);
  if (fields.file) form.set('file', new File([new Uint8Array(fields.file.bytes)], fields.file.name));
  return new Request(`${origin}/api/audio`, {
    method: 'POST',
    body: form,
    headers: { ...headers, 'x-test-user': userId },
  });
}

describe.each(testBackends)('prompt audio HTTP on $name', (backend) => {
  let database: TestDatabase;
  const users = new Map<string, SessionUser>();
  let designer: SessionUser;
  let viewer: SessionUser;
  let upload: (request: Request) => Promise<Response>;
  let download: (request: Request, id: string) => Promise<Response>;

  beforeAll(async () => {
    database = await backend.open();
    designer = await seedUser(database.db, 'designer');
    viewer = await seedUser(database.db, 'viewer');
    for (const user of [designer, viewer]) users.set(user.id, user);
    // The studio resolves the better-auth cookie; here the test names the signed-in user in a header.
    const options = {
      db: database.db,
      trustedOrigins: [origin],
      currentUser: async (headers: Headers) => users.get(headers.get('x-test-user') ?? '') ?? null,
    };
    upload = createAudioUploadHandler(options);
    download = createAudioDownloadHandler(options);
  });
  afterAll(() => database?.close());

  it('a designer uploads a WAV: 201 with format and duration from the header; a viewer lists it and plays the same bytes back', async () => {
    const wav = makeWav({ seconds: 1.5 });
    const response = await upload(
      uploadRequest({ key: 'welcome', language: 'zh-CN', file: { name: 'welcome.wav', bytes: wav } }, designer.id),
    );
    expect(response.status).toBe(201);
    const { audio } = (await response.json()) as {
      audio: { id: string; durationMs: number; format: string; sizeBytes: number; replaced: boolean };
    };
    expect(audio).toMatchObject({ format: 'wav', durationMs: 1500, sizeBytes: wav.length, replaced: false });

    const list = await callerFor(database.db, viewer).promptAudio.list();
    expect(list.map((row) => [row.key, row.language, row.codec])).toEqual([['welcome', 'zh-CN', 'PCM 16-bit']]);
    expect(list[0]).not.toHaveProperty('data');

    const played = await download(
      new Request(`${origin}/api/audio/${audio.id}`, { headers: { 'x-test-user': viewer.id } }),
      audio.id,
    );
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('audio/wav');
    expect(new Uint8Array(await played.arrayBuffer())).toEqual(wav);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'promptAudio.upload'));
    expect(entry?.after).toMatchObject({ key: 'welcome', language: 'zh-CN', durationMs: 1500 });
  });

  it('uploading the same key and language again replaces the recording (200, replaced) and audits before/after', async () => {
    const response = await upload(
      uploadRequest(
        { key: 'welcome', language: 'zh-CN', file: { name: 'welcome-v2.wav', bytes: makeWav({ seconds: 2 }) } },
        designer.id,
      ),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { audio: { replaced: boolean } }).audio.replaced).toBe(true);
    const rows = await database.db
      .select({ fileName: promptAudio.fileName, durationMs: promptAudio.durationMs })
      .from(promptAudio)
      .where(eq(promptAudio.key, 'welcome'));
    expect(rows).toEqual([{ fileName: 'welcome-v2.wav', durationMs: 2000 }]);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'promptAudio.replace'));
    expect(entry?.before).toMatchObject({ durationMs: 1500 });
  });

  it('a cut-short WAV, a misnamed file and a text file are refused with their codes; nothing is stored', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['cut.wav', makeWav({ truncate: 100 }), 'wavTruncated'],
      ['cut.mp3', makeWav(), 'extensionMismatch'],
      ['notes.wav', new TextEncoder().encode('just text'), 'notAudio'],
    ];
    for (const [name, bytes, code] of cases) {
      const response = await upload(
        uploadRequest({ key: 'bad', language: 'en-US', file: { name, bytes } }, designer.id),
      );
      expect(response.status, name).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code, name).toBe(code);
    }
    expect(await database.db.select().from(promptAudio).where(eq(promptAudio.key, 'bad'))).toEqual([]);
  });

  it('a bad key or language tag is refused before the file is read', async () => {
    const file = { name: 'a.wav', bytes: makeWav() };
    const badKey = await upload(uploadRequest({ key: '../etc', language: 'en-US', file }, designer.id));
    expect(((await badKey.json()) as { error: { code: string } }).error.code).toBe('badKey');
    const badLanguage = await upload(uploadRequest({ key: 'ok', language: 'english', file }, designer.id));
    expect(((await badLanguage.json()) as { error: { code: string } }).error).toMatchObject({
      code: 'badLanguage',
      params: { language: 'english' },
    });
    const noFile = await upload(uploadRequest({ key: 'ok', language: 'en-US' }, designer.id));
    expect(((await noFile.json()) as { error: { code: string } }).error.code).toBe('badForm');
  });

  it('a viewer may not upload (403), a visitor may not play back (401), another site may not upload (403)', async () => {
    const file = { name: 'a.wav', bytes: makeWav() };
    expect((await upload(uploadRequest({ key: 'x', language: 'en-US', file }, viewer.id))).status).toBe(403);
    const [row] = await database.db.select({ id: promptAudio.id }).from(promptAudio).limit(1);
    if (!row) throw new Error('expected a stored recording');
    expect((await download(new Request(`${origin}/api/audio/${row.id}`), row.id)).status).toBe(401);
    const crossSite = await upload(
      uploadRequest({ key: 'x', language: 'en-US', file }, designer.id, {
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      }),
    );
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { error: { code: string } }).error.code).toBe('crossSite');
  });

  it('an unknown id is 404; a viewer may not delete; a designer deletes with an audit entry', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (
        await download(
          new Request(`${origin}/api/audio/${missing}`, { headers: { 'x-test-user': viewer.id } }),
          missing,
        )
      ).status,
    ).toBe(404);
    const [row] = await database.db
      .select({ id: promptAudio.id })
      .from(promptAudio)
      .where(eq(promptAudio.key, 'welcome'));
    if (!row) throw new Error('expected the welcome recording');
    expect((await trpcError(callerFor(database.db, viewer).promptAudio.delete({ id: row.id }))).code).toBe('FORBIDDEN');
    expect(await callerFor(database.db, designer).promptAudio.delete({ id: row.id })).toEqual({
      id: row.id,
      deleted: true,
    });
    expect(await callerFor(database.db, viewer).promptAudio.list()).toEqual([]);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'promptAudio.delete'));
    expect(entry?.before).toMatchObject({ key: 'welcome', language: 'zh-CN' });
  });
});
