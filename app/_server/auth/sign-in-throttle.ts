// Counts failed sign-ins per account and per client address in the database (so that every studio process agrees)
// and refuses the next attempt once either limit is reached, as OWASP's authentication guidance suggests. A successful
// sign-in is never counted: a contact centre's agents all signing in from one office address at 9:00 are never refused.

import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { signInThrottle as throttleTable } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';
import { oneRow } from '../db/one-row';

/**
 * At most `max` failed sign-ins per key in a window of `windowSeconds` that starts at the first failure. The account
 * limit stops guessing one password from anywhere; the address limit, higher because a whole office may share one
 * address, stops trying many accounts from one place.
 */
export const signInThrottleLimits = {
  account: { max: 5, windowSeconds: 15 * 60 },
  address: { max: 50, windowSeconds: 15 * 60 },
} as const;

export type ThrottleKind = keyof typeof signInThrottleLimits;

/** Whose attempt it is: the email as typed (normalised here) and the client address the server stamped, when known. */
export interface SignInAttempt {
  email: string | undefined;
  address: string | undefined;
}

export interface SignInRefusal {
  kind: ThrottleKind;
  /** Seconds until the window that refused the attempt ends (at least 1). */
  retryAfterSeconds: number;
}

const longestWindowSeconds = Math.max(
  signInThrottleLimits.account.windowSeconds,
  signInThrottleLimits.address.windowSeconds,
);

function keysOf(attempt: SignInAttempt): { kind: ThrottleKind; key: string }[] {
  const keys: { kind: ThrottleKind; key: string }[] = [];
  const email = attempt.email?.trim().toLowerCase();
  if (email) keys.push({ kind: 'account', key: `account:${email}` });
  if (attempt.address) keys.push({ kind: 'address', key: `address:${attempt.address}` });
  return keys;
}

/** `now() - <seconds>` from a constant of this file (never from input). */
function secondsAgo(seconds: number) {
  return sql`(now() - make_interval(secs => ${sql.raw(String(seconds))}))`;
}

/** Adds one to the key's count (a new window when the last one is over) and returns the count and the window's end. */
async function countOne(
  executor: Executor,
  kind: ThrottleKind,
  key: string,
): Promise<{ failures: number; retryAfterSeconds: number }> {
  const { windowSeconds } = signInThrottleLimits[kind];
  const expired = sql`${throttleTable.windowStartedAt} <= ${secondsAgo(windowSeconds)}`;
  const row = oneRow(
    await executor
      .insert(throttleTable)
      .values({ key, failures: 1, windowStartedAt: sql`now()` })
      .onConflictDoUpdate({
        target: throttleTable.key,
        set: {
          failures: sql`case when ${expired} then 1 else ${throttleTable.failures} + 1 end`,
          windowStartedAt: sql`case when ${expired} then now() else ${throttleTable.windowStartedAt} end`,
        },
      })
      .returning({
        failures: throttleTable.failures,
        retryAfterSeconds: sql<number>`ceil(extract(epoch from ${throttleTable.windowStartedAt} - ${secondsAgo(windowSeconds)}))::int`,
      }),
    'the sign-in throttle upsert',
  );
  return { failures: row.failures, retryAfterSeconds: Math.max(1, Number(row.retryAfterSeconds)) };
}

/** Takes one back from the key's count; a count of 0 is no window at all (the next failure starts one). */
async function uncountOne(executor: Executor, key: string): Promise<void> {
  await executor
    .update(throttleTable)
    .set({ failures: sql`greatest(${throttleTable.failures} - 1, 0)` })
    .where(eq(throttleTable.key, key));
  await executor.delete(throttleTable).where(and(eq(throttleTable.key, key), lte(throttleTable.failures, 0)));
}

/**
 * Before the password is checked: counts the attempt as a failure for its account and its address, atomically, so
 * that attempts made at the same instant cannot all slip under the limit. When either limit is already reached the
 * attempt is not counted and the refusal says how long to wait; otherwise call `settleSignInAttempt` once the
 * outcome is known. Windows that have ended are deleted here, so the table only holds current ones.
 */
export async function reserveSignInAttempt(executor: Executor, attempt: SignInAttempt): Promise<SignInRefusal | null> {
  await executor.delete(throttleTable).where(lte(throttleTable.windowStartedAt, secondsAgo(longestWindowSeconds)));
  const counted: string[] = [];
  for (const { kind, key } of keysOf(attempt)) {
    const { failures, retryAfterSeconds } = await countOne(executor, kind, key);
    counted.push(key);
    if (failures > signInThrottleLimits[kind].max) {
      for (const countedKey of counted) await uncountOne(executor, countedKey);
      return { kind, retryAfterSeconds };
    }
  }
  return null;
}

/**
 * After the password was checked. A failure stays counted. A success is taken back from the address's count, and
 * clears the account's failures: whoever knows the password need not wait for their own typos.
 */
export async function settleSignInAttempt(
  executor: Executor,
  attempt: SignInAttempt,
  outcome: 'succeeded' | 'failed',
): Promise<void> {
  if (outcome === 'failed') return;
  for (const { kind, key } of keysOf(attempt)) {
    if (kind === 'account') await executor.delete(throttleTable).where(eq(throttleTable.key, key));
    else await uncountOne(executor, key);
  }
}
