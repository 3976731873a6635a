// Awaits a call that must fail and returns its TRPCError, so tests can assert the code and message.

import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';

export async function expectTrpcError(call: Promise<unknown>): Promise<TRPCError> {
  const outcome = await call.then(
    (value: unknown) => ({ failed: false as const, value }),
    (reason: unknown) => ({ failed: true as const, reason }),
  );
  if (!outcome.failed) throw new Error(`Expected the call to fail, but it returned ${JSON.stringify(outcome.value)}`);
  expect(outcome.reason).toBeInstanceOf(TRPCError);
  return outcome.reason as TRPCError;
}
