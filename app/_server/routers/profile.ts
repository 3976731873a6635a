// Profile router: the signed-in user (any role) changes their own display name here, never through better-auth's
// /update-user (switched off in auth.ts): the name rule, uniqueness and the audit log apply to every change.

import 'server-only';
import { CodedError } from '../coded-error';
import { eq } from 'drizzle-orm';
import * as z from 'zod';
import { users } from '../../../schemas/db';
import { assertDisplayNameFree, DisplayNameTakenError, displayNameInput } from '../auth/display-name-rules';
import { recordAudit } from '../../../schemas/record-audit';
import { isUniqueViolation } from '../db/unique-violation';
import { createTRPCRouter, viewerProcedure } from '../trpc';
import { oneRow } from '../db/one-row';

const profileColumns = { id: users.id, name: users.name, email: users.email };

export const profileRouter = createTRPCRouter({
  /** Renames the signed-in user: 1–100 characters, no control characters, no other user's name in any case; audited. */
  update: viewerProcedure.input(z.object({ name: displayNameInput })).mutation(async ({ ctx, input }) => {
    try {
      return await ctx.db.transaction(async (tx) => {
        const [before] = await tx.select(profileColumns).from(users).where(eq(users.id, ctx.user.id));
        if (!before) throw new CodedError('NOT_FOUND', 'accountGone', {}, 'Your account no longer exists.');
        if (before.name === input.name) return before;
        await assertDisplayNameFree(tx, input.name, ctx.user.id);
        const after = oneRow(
          await tx
            .update(users)
            .set({ name: input.name, updatedAt: new Date() })
            .where(eq(users.id, ctx.user.id))
            .returning(profileColumns),
          'the users update',
        );
        await recordAudit(tx, {
          actor: ctx.user,
          action: 'user.rename',
          entityType: 'user',
          entityId: ctx.user.id,
          before: { name: before.name },
          after: { name: after.name },
        });
        return after;
      });
    } catch (error) {
      // The unique index decides between two users taking the same name at the same instant.
      const taken =
        error instanceof DisplayNameTakenError
          ? error
          : isUniqueViolation(error)
            ? new DisplayNameTakenError(input.name)
            : null;
      if (taken)
        throw new CodedError('BAD_REQUEST', 'displayNameTaken', { name: taken.displayName }, taken.message, taken);
      throw error;
    }
  }),
});
