'use client';
// The shared schedules of this environment, as a resource resolver the calendar reads referenced schedules from.

import { useEffect, useState } from 'react';
import { resolverFromBundle, type ResourceResolver } from '../../../../flow-engine/resources';
import type { ScheduleDefinition } from '../../../../flow-engine/schedule';
import { trpc } from '../../../_lib/trpc-client';

export type ScheduleResources = { status: 'loading' } | { status: 'ready'; resolver: ResourceResolver } | { status: 'failed'; message: string };

/** Loads the schedules once each time the calendar opens, so an edit on the resources page shows on the next open. */
export function useScheduleResources(): ScheduleResources {
  const [state, setState] = useState<ScheduleResources>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    trpc.resources.schedules.list
      .query()
      .then((rows) => {
        const schedules: Record<string, ScheduleDefinition> = Object.fromEntries(rows.map((row) => [row.key, row.definition as ScheduleDefinition]));
        if (current) setState({ status: 'ready', resolver: resolverFromBundle({ schedules }) });
      })
      .catch((error: unknown) => {
        if (current) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      current = false;
    };
  }, []);
  return state;
}
