// HTTP for the prompt audio library: multipart upload (designers; checked, then stored) and playback download (viewers).

import 'server-only';
import type { Role } from '../../../schemas/db';
import type { Database } from '../../../schemas/database';
import { resourceKey } from '../routers/resources/resource-input';
import { isSameSiteRequest } from '../same-site';
import { hasRole, type SessionUser } from '../trpc';
import { isStorableText } from '../validation/input-rules';
import { audioLimits, AudioFileError } from './audio-limits';
import { inspectAudio } from './inspect-audio';
import { audioBlobStream } from './audio-chunks';
import { findPromptAudioBlob, languagePattern, storePromptAudio } from './prompt-audio-store';

export interface AudioHttpOptions {
  db: Database;
  /** The signed-in user of a request (the studio resolves the better-auth cookie as the tRPC context does). */
  currentUser(headers: Headers): Promise<SessionUser | null>;
  trustedOrigins: readonly string[];
}

type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'crossSite'
  | 'badForm'
  | 'badText'
  | 'badKey'
  | 'badLanguage'
  | 'notFound'
  | AudioFileError['code'];

function failure(
  status: number,
  code: ErrorCode,
  message: string,
  params: Record<string, string | number> = {},
): Response {
  return Response.json({ error: { code, message, params } }, { status });
}

async function authorize(options: AudioHttpOptions, request: Request, role: Role): Promise<SessionUser | Response> {
  const user = await options.currentUser(request.headers);
  if (!user) return failure(401, 'unauthorized', 'Please sign in first.');
  if (!hasRole(user.role, role)) return failure(403, 'forbidden', `This needs the ${role} role or higher.`, { role });
  return user;
}

type FormText = 'key' | 'language' | 'fileName' | 'field';
const formTextWords: Record<FormText, string> = {
  key: 'key',
  language: 'language',
  fileName: 'file name',
  field: 'form field',
};

/** Every text of the form (values, and the names of attached files) with what it is, for the error. */
function formTexts(form: FormData): [FormText, string][] {
  const texts: [FormText, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') texts.push(['fileName', value.name]);
    else texts.push([name === 'key' || name === 'language' ? name : 'field', value]);
  }
  return texts;
}

/** At most `max` characters, never cutting an emoji (a surrogate pair) in half. */
const clip = (text: string, max: number) => Array.from(text).slice(0, max).join('');

/** POST multipart/form-data with `key`, `language` and `file`: 201 with the stored recording's summary, or a coded error. */
export function createAudioUploadHandler(options: AudioHttpOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isSameSiteRequest(request.headers, options.trustedOrigins))
      return failure(403, 'crossSite', 'Uploads from another site are refused.');
    const user = await authorize(options, request, 'designer');
    if (user instanceof Response) return user;
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > audioLimits.maxRequestBytes) {
      return failure(
        413,
        'tooLarge',
        `The upload is ${declared} bytes; recordings can be at most ${audioLimits.maxBytes} bytes (10 MB).`,
        { size: declared, max: audioLimits.maxBytes },
      );
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return failure(
        400,
        'badForm',
        'Send the recording as multipart/form-data with the fields key, language and file.',
      );
    }
    try {
      const file = form.get('file');
      if (!(file instanceof File)) return failure(400, 'badForm', 'The upload has no file.');
      // PostgreSQL stores neither a NUL character nor half of a surrogate pair; refuse them before anything is stored.
      const unstorable = formTexts(form).find(([, value]) => !isStorableText(value));
      if (unstorable) {
        return failure(
          400,
          'badText',
          `The ${formTextWords[unstorable[0]]} contains a NUL character or half of an emoji; remove it and upload again.`,
          { field: unstorable[0] },
        );
      }
      const key = resourceKey.safeParse(form.get('key'));
      // A file sent under the language field is no language tag either: it fails the pattern below as ''.
      const languageField = form.get('language');
      const language = typeof languageField === 'string' ? languageField : '';
      if (!key.success) return failure(400, 'badKey', key.error.issues[0]?.message ?? 'The key is not valid.');
      if (!languagePattern.test(language))
        return failure(400, 'badLanguage', `"${clip(language, 40)}" is not a language tag such as zh-CN or en-US.`, {
          language: clip(language, 40),
        });
      if (file.size > audioLimits.maxBytes) {
        return failure(
          413,
          'tooLarge',
          `The file is ${file.size} bytes; recordings can be at most ${audioLimits.maxBytes} bytes (10 MB).`,
          { size: file.size, max: audioLimits.maxBytes },
        );
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const info = inspectAudio(file.name, bytes);
      const stored = await storePromptAudio(options.db, user, {
        key: key.data,
        language,
        fileName: clip(file.name, 255),
        bytes,
        info,
      });
      return Response.json({ audio: stored }, { status: stored.replaced ? 200 : 201 });
    } catch (error) {
      if (error instanceof AudioFileError)
        return failure(error.code === 'tooLarge' ? 413 : 400, error.code, error.message, error.params);
      // Anything else goes to the routes' one error path (reportRouteErrors): logged by name, code and SQL only.
      throw error;
    }
  };
}

const contentTypes = { wav: 'audio/wav', mp3: 'audio/mpeg' } as const;

/** GET one recording's bytes for the browser's audio element. */
export function createAudioDownloadHandler(
  options: AudioHttpOptions,
): (request: Request, id: string) => Promise<Response> {
  return async (request, id) => {
    const user = await authorize(options, request, 'viewer');
    if (user instanceof Response) return user;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const audio = uuid.test(id) ? await findPromptAudioBlob(options.db, id) : null;
    if (!audio) return failure(404, 'notFound', 'That recording does not exist.');
    return new Response(audioBlobStream(options.db, audio.blobId, audio.sizeBytes), {
      headers: {
        'content-type': contentTypes[audio.format],
        'content-length': String(audio.sizeBytes),
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(audio.fileName)}`,
        // Private: recordings are behind sign-in; a replaced recording keeps its id, so revalidate.
        'cache-control': 'private, no-cache',
        'x-content-type-options': 'nosniff',
      },
    });
  };
}
