'use client';
// Which shared resources the signed-in user may create from the editor's pickers: the roles of the tRPC `create`
// procedures (schedules and skill groups: designer; integrations: admin). The server checks again on create.

import { createContext, useContext, type ReactNode } from 'react';
import type { ResourceKind } from './use-resource-keys';

export type CreatableResources = Partial<Record<ResourceKind, boolean>>;

const CreatableResourcesContext = createContext<CreatableResources>({});

export function CreatableResourcesProvider({ value, children }: { value: CreatableResources; children: ReactNode }) {
  return <CreatableResourcesContext.Provider value={value}>{children}</CreatableResourcesContext.Provider>;
}

/** True when the user may create a resource of this kind in place (never subflows: they are flows of their own). */
export function useCanCreate(kind: ResourceKind): boolean {
  return useContext(CreatableResourcesContext)[kind] === true && kind !== 'subflow';
}
