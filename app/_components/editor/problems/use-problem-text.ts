'use client';
// The problem renderer for the editor: the UI language and the open flow's node labels.

import { useEditorStore } from '../store/editor-store-context';
import type { RenderableIssue } from '../../../../flow-engine/validate/localized-problem-text';
import { useProblemTextFor } from './use-problem-text-for';

/** `(issue) => sentence` in the UI language, naming the open flow's nodes by label. */
export function useProblemText(): (issue: RenderableIssue) => string {
  return useProblemTextFor(useEditorStore((s) => s.doc.nodes));
}
