// Next route: GET /api/audio/<id> plays a prompt recording back (signed-in viewers and up).

import { currentUser } from '../../../_server/auth/current-user';
import { createAudioDownloadHandler } from '../../../_server/audio/audio-http';
import { getDatabase } from '../../../_server/db/server-database';
import { getEnv } from '../../../../schemas/server-env';
import { reportRouteErrors } from '../../../_server/http/report-route-errors';

export const dynamic = 'force-dynamic';

export const GET = reportRouteErrors(
  'GET /api/audio/[audioId]',
  async (request: Request, { params }: { params: Promise<{ audioId: string }> }) => {
    const [database, { audioId }] = await Promise.all([getDatabase(), params]);
    return createAudioDownloadHandler({ db: database.db, currentUser, trustedOrigins: getEnv().trustedOrigins })(
      request,
      audioId,
    );
  },
);
