// Next route: GET /api/audio/<id> plays a prompt recording back (signed-in viewers and up).

import { currentUser } from '../../../_server/auth/current-user';
import { createAudioDownloadHandler } from '../../../_server/audio/audio-http';
import { getDatabase } from '../../../_server/db/server-database';
import { getEnv } from '../../../_server/env';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ audioId: string }> }): Promise<Response> {
  const [database, { audioId }] = await Promise.all([getDatabase(), params]);
  return createAudioDownloadHandler({ db: database.db, currentUser, trustedOrigins: getEnv().trustedOrigins })(request, audioId);
}
