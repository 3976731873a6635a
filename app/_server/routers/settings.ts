// Settings router: every signed-in user reads the studio-wide settings (the publish dialog needs them); admins change them.

import 'server-only';
import * as z from 'zod';
import { recordAudit } from '../../../schemas/record-audit';
import { readSettings, writeSettings } from '../settings/studio-settings';
import { adminProcedure, createTRPCRouter, viewerProcedure } from '../trpc';

const settingsInput = z.strictObject({
  requireTestsToPublish: z.boolean('"requireTestsToPublish" must be true or false.'),
});

export const settingsRouter = createTRPCRouter({
  get: viewerProcedure.query(({ ctx }) => readSettings(ctx.db)),

  /** Replaces the settings; audited with the values before and after. */
  update: adminProcedure.input(settingsInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const before = await readSettings(tx);
      const after = await writeSettings(tx, input, ctx.user.id);
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'settings.update',
        entityType: 'settings',
        entityId: 'studio',
        before,
        after,
      });
      return after;
    }),
  ),
});
