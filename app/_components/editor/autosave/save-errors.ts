// Reading a tRPC error from a save: a CONFLICT carries who saved last and when.

import { TRPCClientError } from '@trpc/client';
import type { SaveConflict } from '../store/editor-state';

export function conflictOf(error: unknown): SaveConflict | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data = error.data as { code?: string; conflict?: SaveConflict | null } | undefined;
  if (data?.code !== 'CONFLICT') return undefined;
  return data.conflict ?? { revision: 0, savedBy: null, savedAt: new Date().toISOString() };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
