// Next route: POST /api/audio uploads a prompt recording (multipart: key, language, file).

import { currentUser } from '../../_server/auth/current-user';
import { createAudioUploadHandler } from '../../_server/audio/audio-http';
import { getDatabase } from '../../_server/db/server-database';
import { getEnv } from '../../_server/env';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const database = await getDatabase();
  return createAudioUploadHandler({ db: database.db, currentUser, trustedOrigins: getEnv().trustedOrigins })(request);
}
