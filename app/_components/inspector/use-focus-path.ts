'use client';
// Focus the field a problem points at: scroll it into view, open its collapsed section, put the caret in it.

import { useEffect, type RefObject } from 'react';
import { closestFieldPath } from './focus-path';

export function useFocusPath(
  container: RefObject<HTMLElement | null>,
  focusPath: string | undefined,
  nodeId: string,
): void {
  useEffect(() => {
    if (!focusPath || !container.current) return;
    // After the form's first paint (fields of a new node mount in the same commit).
    const frame = requestAnimationFrame(() => {
      const root = container.current;
      if (!root) return;
      const elements = [...root.querySelectorAll<HTMLElement>('[data-path]')];
      const best = closestFieldPath(
        elements.map((e) => e.dataset.path ?? ''),
        focusPath,
      );
      const target = elements.find((e) => e.dataset.path === best);
      if (!target) return;
      // A field inside a collapsed panel: open the panel first.
      const panel = target.closest('.ant-collapse-item:not(.ant-collapse-item-active)');
      panel?.querySelector<HTMLElement>('.ant-collapse-header')?.click();
      target.scrollIntoView({ block: 'center' });
      const input = target.querySelector<HTMLElement>(
        'input:not([type=hidden]), textarea, [role=combobox], button, [tabindex]',
      );
      input?.focus();
      target.classList.add('inspector-focused');
      setTimeout(() => target.classList.remove('inspector-focused'), 1600);
    });
    return () => cancelAnimationFrame(frame);
  }, [container, focusPath, nodeId]);
}
