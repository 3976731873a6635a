'use client';
// The problem renderer for the editor: the UI language and the open flow's node labels.

import { useContentNodes } from '../store/use-content';
import type { RenderableIssue } from './problem-text';
import { useProblemTextFor } from './use-problem-text-for';

/** `(issue) => sentence` in the UI language, naming the open flow's nodes by label. */
export function useProblemText(): (issue: RenderableIssue) => string {
  return useProblemTextFor(useContentNodes());
}
