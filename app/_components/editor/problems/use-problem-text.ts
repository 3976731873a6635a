'use client';
// The problem renderer for the editor: the UI language and the open flow's node labels.

import type { RenderableIssue } from '../../../../flow-engine/validate/localized-problem-text';
import { useContentNodes } from '../store/use-content';
import { useProblemTextFor } from './use-problem-text-for';

/** `(issue) => sentence` in the UI language, naming the open flow's nodes by label. */
export function useProblemText(): (issue: RenderableIssue) => string {
  return useProblemTextFor(useContentNodes());
}
