// The secrets module lives in schemas/ since the runtime decrypts integration secrets too; re-exported for the studio.

import 'server-only';
export * from '../../../schemas/secrets';
