'use client';
// The keys of the shared resources a field may reference, read once per page through tRPC (free typing stays allowed).

import { useEffect, useState } from 'react';
import { trpc } from '../../../_lib/trpc-client';

export type ResourceKind = 'schedule' | 'skillGroup' | 'integration' | 'subflow';

export interface ResourceOption {
  key: string;
  name: string;
}

async function load(kind: ResourceKind): Promise<ResourceOption[]> {
  switch (kind) {
    case 'schedule':
      return (await trpc.resources.schedules.list.query()).map((r) => ({ key: r.key, name: r.name }));
    case 'skillGroup':
      return (await trpc.resources.skillGroups.list.query()).map((r) => ({ key: r.key, name: r.name }));
    case 'integration':
      return (await trpc.resources.integrations.list.query()).map((r) => ({ key: r.key, name: r.name }));
    case 'subflow':
      return (await trpc.flows.list.query({ limit: 100 })).items.map((f) => ({ key: f.key, name: f.name }));
  }
}

// One request per kind per page load, shared by every field that asks.
const cache = new Map<ResourceKind, Promise<ResourceOption[]>>();

/** The resource keys of a kind; `error` when they could not be loaded (the field then takes a typed key). */
export function useResourceKeys(kind: ResourceKind): { options: ResourceOption[]; error: boolean } {
  const [state, setState] = useState<{ options: ResourceOption[]; error: boolean }>({ options: [], error: false });
  useEffect(() => {
    let current = true;
    let request = cache.get(kind);
    if (!request) {
      request = load(kind);
      cache.set(kind, request);
      // A failed load is tried again by the next field that mounts.
      request.catch(() => cache.delete(kind));
    }
    request.then(
      (options) => current && setState({ options, error: false }),
      () => current && setState({ options: [], error: true }),
    );
    return () => {
      current = false;
    };
  }, [kind]);
  return state;
}
