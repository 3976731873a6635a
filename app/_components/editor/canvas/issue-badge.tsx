'use client';
// A node's error or warning count on its card; hovering it lists the problems in the UI language, by node label.
// Only nodes with problems render one, so a validation run does not re-render every card.

import { createContext, useContext, useMemo } from 'react';
import type { RenderableIssue } from '../../../../flow-engine/validate/localized-problem-text';
import { useEditorStore } from '../store/editor-store-context';

/**
 * The canvas's problem renderer (`useProblemText`), made once for all badges: each badge making its own read the
 * draft's nodes on every store change, a drag's frames included.
 */
export const ProblemTextContext = createContext<((issue: RenderableIssue) => string) | null>(null);

export function IssueBadge({
  nodeId,
  severity,
  label,
  count,
}: {
  nodeId: string;
  severity: 'error' | 'warning';
  label: string;
  count: number;
}) {
  const problemText = useContext(ProblemTextContext);
  if (!problemText) throw new Error('IssueBadge must be used inside the canvas.');
  // The list itself (the same array until validation runs again), so a drag frame costs the badge one comparison.
  const issues = useEditorStore((s) => (severity === 'error' ? s.issues.errors : s.issues.warnings));
  const sentences = useMemo(
    () =>
      issues
        .filter((issue) => issue.nodeId === nodeId)
        .map(problemText)
        .join('\n'),
    [issues, nodeId, problemText],
  );
  return (
    <span
      className={`cf-badge cf-badge-${severity}`}
      title={sentences ? `${label}\n${sentences}` : label}
      aria-label={label}
    >
      {count}
    </span>
  );
}
