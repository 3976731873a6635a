'use client';
// The names a node's templates and expressions may read, memoised on the flow's variable list.

import { useMemo } from 'react';
import type { FlowDocument } from '../../../flow-engine/document';
import { scopeNames, type ScopeName } from './template/template-variables';

export function useScopeNames(flow: FlowDocument, locals: readonly string[] = []): ScopeName[] {
  const key = locals.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- locals compared by content
  return useMemo(() => scopeNames(flow, locals), [flow.variables, key]);
}
