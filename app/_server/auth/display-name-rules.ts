// The server's side of the display-name rule (app/_lib/display-name.ts): a zod input that refuses a bad name with a
// sentence and stores the normalised one, and the check that no other user already has the name, ignoring case.

import { and, ne, sql } from 'drizzle-orm';
import * as z from 'zod';
import { users } from '../../../schemas/db';
import { checkDisplayName, maxDisplayNameLength } from '../../_lib/display-name';
import type { Executor } from '../../../schemas/database';

const invisibleCharactersSentence =
  'The name cannot contain control characters (such as a line break or a tab) or invisible formatting characters.';

/**
 * A display name as typed; parses to the name as stored (NFKC, single spaces, trimmed). An empty or over-long name is
 * reported as zod's own too_small/too_big, so it reads like every other field ("name cannot be empty.").
 */
export const displayNameInput = z.string().transform((raw, context) => {
  const checked = checkDisplayName(raw);
  if (checked.ok) return checked.name;
  if (checked.problem === 'empty')
    context.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: raw });
  else if (checked.problem === 'tooLong')
    context.addIssue({ code: 'too_big', origin: 'string', maximum: maxDisplayNameLength, inclusive: true, input: raw });
  else context.addIssue({ code: 'custom', message: invisibleCharactersSentence, input: raw });
  return z.NEVER;
});

export class DisplayNameTakenError extends Error {
  override name = 'DisplayNameTakenError';
  constructor(readonly displayName: string) {
    super(`Another user is already called “${displayName}”; choose a different name.`);
  }
}

/**
 * Throws DisplayNameTakenError when a user other than `exceptUserId` has `name` in any case. The unique index on
 * lower(name) is the last word (two renames at the same instant); this check gives the sentence.
 */
export async function assertDisplayNameFree(executor: Executor, name: string, exceptUserId?: string): Promise<void> {
  const [taken] = await executor
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`lower(${users.name}) = lower(${name})`,
        exceptUserId === undefined ? undefined : ne(users.id, exceptUserId),
      ),
    )
    .limit(1);
  if (taken) throw new DisplayNameTakenError(name);
}
