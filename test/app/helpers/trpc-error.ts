// Awaits a call that must fail and returns its TRPCError, failing the test when it succeeds or throws something else.

import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';

export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
