'use client';
// The shared resources the calendar reads referenced schedules from, loaded each time it opens (an edit on the
// resources page shows on the next open).

import { useEffect, useState } from 'react';
import type { FlowDocument } from '../../../../flow-engine/document';
import type { ResourceResolver } from '../../../../flow-engine/resources';
import { apiErrorMessage } from '../../../_lib/api-error';
import { loadEditorResources } from '../resources/load-editor-resources';

export type ScheduleResources =
  { status: 'loading' } | { status: 'ready'; resolver: ResourceResolver } | { status: 'failed'; message: string };

/** `doc` is the draft when the calendar opened; the schedules it references are fetched once. */
export function useScheduleResources(doc: FlowDocument): ScheduleResources {
  const [state, setState] = useState<ScheduleResources>({ status: 'loading' });
  const [opened] = useState(doc);
  useEffect(() => {
    let current = true;
    loadEditorResources(opened).then(
      (resolver) => current && setState({ status: 'ready', resolver }),
      (error: unknown) => current && setState({ status: 'failed', message: apiErrorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [opened]);
  return state;
}
