// Users router (admin only): list accounts, create one with a password, change a role, reset a password, disable or enable.

import 'server-only';
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import * as z from 'zod';
import { roles, sessions, users } from '../../../schemas/db';
import { minPasswordLength } from '../auth/auth';
import { createUserWithPassword, EmailTakenError } from '../auth/create-user';
import { DisplayNameTakenError, displayNameInput } from '../auth/display-name-rules';
import { resetPassword, UnknownUserError } from '../../../schemas/reset-password';
import { recordAudit } from '../../../schemas/record-audit';
import type { Executor } from '../../../schemas/database';
import { adminProcedure, createTRPCRouter } from '../trpc';
import { CodedError } from '../coded-error';
import { oneRow } from '../db/one-row';

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

const userIdInput = z.object({ userId: z.string().min(1).max(200) });
const password = z
  .string()
  .min(minPasswordLength, `The password must have at least ${minPasswordLength} characters.`)
  .max(128, 'The password can have at most 128 characters.');

async function findUser(executor: Executor, userId: string) {
  const [user] = await executor.select(userColumns).from(users).where(eq(users.id, userId));
  if (!user) throw new CodedError('NOT_FOUND', 'userNotFound', {}, 'That user does not exist.');
  return user;
}

/** Refuses a change that would leave nobody able to manage users. */
async function assertAnotherActiveAdmin(executor: Executor, userId: string, what: string): Promise<void> {
  const { others } = oneRow(
    await executor
      .select({ others: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId))),
    'the admin count',
  );
  if (others === 0) {
    throw new CodedError(
      'BAD_REQUEST',
      'lastAdmin',
      {},
      `You cannot ${what} the last active administrator; make someone else an administrator first.`,
    );
  }
}

export const usersRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => ctx.db.select(userColumns).from(users).orderBy(asc(users.email))),

  create: adminProcedure
    .input(
      z.object({
        name: displayNameInput,
        email: z.email(),
        password,
        role: z.enum(roles),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      try {
        return await ctx.db.transaction(async (tx) => {
          const user = await createUserWithPassword(tx, input);
          await recordAudit(tx, {
            actor: ctx.user,
            action: 'user.create',
            entityType: 'user',
            entityId: user.id,
            after: { email: user.email, name: user.name, role: user.role },
          });
          return user;
        });
      } catch (error) {
        if (error instanceof EmailTakenError)
          throw new CodedError('CONFLICT', 'emailTaken', { email: error.email }, error.message, error);
        if (error instanceof DisplayNameTakenError)
          throw new CodedError('BAD_REQUEST', 'displayNameTaken', { name: error.displayName }, error.message, error);
        throw error;
      }
    }),

  setRole: adminProcedure.input(userIdInput.extend({ role: z.enum(roles) })).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const before = await findUser(tx, input.userId);
      if (before.role === input.role) return before;
      if (before.role === 'admin') await assertAnotherActiveAdmin(tx, input.userId, 'change the role of');
      const after = oneRow(
        await tx
          .update(users)
          .set({ role: input.role, updatedAt: new Date() })
          .where(eq(users.id, input.userId))
          .returning(userColumns),
        'the users update',
      );
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'user.setRole',
        entityType: 'user',
        entityId: input.userId,
        before: { role: before.role },
        after: { role: after.role },
      });
      return after;
    }),
  ),

  /** Sets a new password (the administrator passes it on) and signs the user out everywhere; audited without the password. */
  resetPassword: adminProcedure.input(userIdInput.extend({ password })).mutation(async ({ ctx, input }) => {
    try {
      const reset = await ctx.db.transaction((tx) =>
        resetPassword(tx, {
          userId: input.userId,
          actorId: ctx.user.id,
          password: input.password,
          via: 'users.resetPassword',
        }),
      );
      return { id: reset.id, email: reset.email, disabled: reset.disabled };
    } catch (error) {
      if (error instanceof UnknownUserError)
        throw new CodedError('NOT_FOUND', 'userNotFound', {}, error.message, error);
      throw error;
    }
  }),

  disable: adminProcedure.input(userIdInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const before = await findUser(tx, input.userId);
      if (before.disabledAt) return before;
      if (input.userId === ctx.user.id)
        throw new CodedError('BAD_REQUEST', 'disableSelf', {}, 'You cannot disable your own account.');
      if (before.role === 'admin') await assertAnotherActiveAdmin(tx, input.userId, 'disable');
      const after = oneRow(
        await tx
          .update(users)
          .set({ disabledAt: new Date(), updatedAt: new Date() })
          .where(eq(users.id, input.userId))
          .returning(userColumns),
        'the users update',
      );
      // Signed-in browsers of a disabled user lose access at once.
      await tx.delete(sessions).where(eq(sessions.userId, input.userId));
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'user.disable',
        entityType: 'user',
        entityId: input.userId,
        before: { disabledAt: null },
        after: { disabledAt: after.disabledAt },
      });
      return after;
    }),
  ),

  enable: adminProcedure.input(userIdInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const before = await findUser(tx, input.userId);
      if (!before.disabledAt) return before;
      const [after] = await tx
        .update(users)
        .set({ disabledAt: null, updatedAt: new Date() })
        .where(eq(users.id, input.userId))
        .returning(userColumns);
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'user.enable',
        entityType: 'user',
        entityId: input.userId,
        before: { disabledAt: before.disabledAt },
        after: { disabledAt: null },
      });
      return after;
    }),
  ),
});
