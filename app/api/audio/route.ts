// Next route: POST /api/audio uploads a prompt recording (multipart: key, language, file).

import { currentUser } from '../../_server/auth/current-user';
import { createAudioUploadHandler } from '../../_server/audio/audio-http';
import { getDatabase } from '../../_server/db/server-database';
import { getEnv } from '../../../schemas/server-env';
import { reportRouteErrors } from '../../_server/http/report-route-errors';

export const dynamic = 'force-dynamic';

export const POST = reportRouteErrors('POST /api/audio', async (request: Request) => {
  const database = await getDatabase();
  return createAudioUploadHandler({ db: database.db, currentUser, trustedOrigins: getEnv().trustedOrigins })(request);
});
