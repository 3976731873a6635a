'use client';
// A node's error or warning count on its card; hovering it lists the problems in the UI language, by node label.
// Only nodes with problems render one, so a validation run does not re-render every card.

import { useEditorStore } from '../store/editor-store-context';
import { useProblemText } from '../problems/use-problem-text';

export function IssueBadge({ nodeId, severity, label, count }: { nodeId: string; severity: 'error' | 'warning'; label: string; count: number }) {
  const problemText = useProblemText();
  // A string, so the badge re-renders only when its sentences change.
  const sentences = useEditorStore((s) =>
    (severity === 'error' ? s.issues.errors : s.issues.warnings)
      .filter((issue) => issue.nodeId === nodeId)
      .map(problemText)
      .join('\n'),
  );
  return (
    <span className={`cf-badge cf-badge-${severity}`} title={sentences ? `${label}\n${sentences}` : label} aria-label={label}>
      {count}
    </span>
  );
}
