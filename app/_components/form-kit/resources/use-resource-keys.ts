'use client';
// The keys of the shared resources a field may reference (free typing stays allowed), kept current without a reload:
// TanStack Query shares one list per kind between every field, resource forms invalidate it when they save, and it
// is fetched again when the window regains focus (a resource made in another tab) or a picker opens.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { useTRPC } from '../../../_lib/trpc-react';

export type ResourceKind = 'schedule' | 'skillGroup' | 'integration' | 'subflow';

export interface ResourceOption {
  key: string;
  name: string;
}

type Named = { key: string; name: string };
const toOptions = (rows: Named[]): ResourceOption[] => rows.map((r) => ({ key: r.key, name: r.name }));

export interface ResourceKeys {
  options: ResourceOption[];
  /** The list could not be loaded (the field then takes a typed key). */
  error: boolean;
  loading: boolean;
  /** Fetch the list again (a picker opening: what was made elsewhere shows at once). */
  refresh(): void;
}

/** The resource keys of a kind, shared by every field that asks. */
export function useResourceKeys(kind: ResourceKind): ResourceKeys {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One hook per kind keeps each list typed; only the field's own kind is fetched.
  const shared = { refetchOnWindowFocus: true, select: toOptions } as const;
  const lists = {
    schedule: useQuery({ ...trpc.resources.schedules.list.queryOptions(), ...shared, enabled: kind === 'schedule' }),
    skillGroup: useQuery({
      ...trpc.resources.skillGroups.list.queryOptions(),
      ...shared,
      enabled: kind === 'skillGroup',
    }),
    integration: useQuery({
      ...trpc.resources.integrations.list.queryOptions(),
      ...shared,
      enabled: kind === 'integration',
    }),
    subflow: useQuery({
      ...trpc.flows.list.queryOptions({ limit: 100 }),
      refetchOnWindowFocus: true,
      enabled: kind === 'subflow',
      select: (page) => toOptions(page.items),
    }),
  };
  const query = lists[kind];
  const queryKey = useMemo(() => keyOf(trpc, kind), [trpc, kind]);
  const refresh = useCallback(() => {
    // Not cancelling a fetch under way: several fields of one kind ask at the same moment.
    void queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
  }, [queryClient, queryKey]);
  // TanStack Query listens for visibility changes only; two windows side by side trade focus without one.
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);
  return { options: query.data ?? [], error: query.isError, loading: query.isLoading, refresh };
}

function keyOf(trpc: ReturnType<typeof useTRPC>, kind: ResourceKind) {
  switch (kind) {
    case 'schedule':
      return trpc.resources.schedules.list.queryKey();
    case 'skillGroup':
      return trpc.resources.skillGroups.list.queryKey();
    case 'integration':
      return trpc.resources.integrations.list.queryKey();
    case 'subflow':
      return trpc.flows.list.queryKey({ limit: 100 });
  }
}
