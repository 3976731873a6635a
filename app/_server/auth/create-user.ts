// Creates a user with an email + password account the way better-auth stores them (scrypt hash, credential provider).
// No 'server-only' import: the start-up launcher uses it to create the first admin.

import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { accounts, users, type Role } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';
import { assertDisplayNameFree } from './display-name-rules';
import { oneRow } from '../db/one-row';

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export type CreatedUser = Pick<typeof users.$inferSelect, 'id' | 'name' | 'email' | 'role' | 'createdAt'>;

export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
  constructor(readonly email: string) {
    super(`A user with the email ${email} already exists.`);
  }
}

/**
 * Inserts the user and its credential account; the email is stored lower-cased, as better-auth signs in with it.
 * The name must already follow the display-name rule (displayNameInput); DisplayNameTakenError when another user has it.
 */
export async function createUserWithPassword(executor: Executor, input: NewUser): Promise<CreatedUser> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await executor.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new EmailTakenError(email);
  await assertDisplayNameFree(executor, input.name.trim());
  const id = randomUUID();
  const user = oneRow(
    await executor
      .insert(users)
      .values({ id, name: input.name.trim(), email, role: input.role, emailVerified: true })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt }),
    'the user insert',
  );
  await executor.insert(accounts).values({
    id: randomUUID(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: await hashPassword(input.password),
  });
  return user;
}
