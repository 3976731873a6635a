// Prompt audio router: the library's recordings (list for viewers, delete for designers); upload and playback are
// HTTP routes (/api/audio) because recordings are binary.

import 'server-only';
import * as z from 'zod';
import { deletePromptAudio, listPromptAudio } from '../audio/prompt-audio-store';
import { createTRPCRouter, designerProcedure, viewerProcedure } from '../trpc';
import { CodedError } from '../coded-error';

export const promptAudioRouter = createTRPCRouter({
  list: viewerProcedure.query(({ ctx }) => listPromptAudio(ctx.db)),

  delete: designerProcedure
    .input(z.object({ id: z.uuid('The id must be a UUID.') }))
    .mutation(async ({ ctx, input }) => {
      const deleted = await deletePromptAudio(ctx.db, ctx.user, input.id);
      if (!deleted) throw new CodedError('NOT_FOUND', 'recordingNotFound', {}, 'That recording does not exist.');
      return { id: input.id, deleted: true as const };
    }),
});
