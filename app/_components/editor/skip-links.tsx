'use client';
// Skip links at the top of the editor: straight to the palette, the canvas, the side panel or the simulator, instead
// of tabbing through the top bar and every palette entry. Hidden until focused.

import { useTranslations } from 'next-intl';
import type { MouseEvent } from 'react';

export type SkipTarget = 'palette' | 'canvas' | 'side' | 'simulator';

const targets: SkipTarget[] = ['palette', 'canvas', 'side', 'simulator'];

/** Where each link points without script (ids on the editor's areas). */
export const skipTargetIds: Record<SkipTarget, string> = {
  palette: 'cf-palette',
  canvas: 'cf-canvas',
  side: 'cf-side',
  simulator: 'cf-simulate',
};

export function SkipLinks({ onSkip }: { onSkip(target: SkipTarget): void }) {
  const t = useTranslations('editor.skip');
  return (
    <nav className="cf-skip-links" aria-label={t('aria')}>
      {targets.map((target) => (
        <a
          key={target}
          href={`#${skipTargetIds[target]}`}
          onClick={(event: MouseEvent) => {
            event.preventDefault();
            onSkip(target);
          }}
        >
          {t(target)}
        </a>
      ))}
    </nav>
  );
}

/**
 * Focuses the first element matching one of `selectors` once it is on the page (a panel may be opening, or its code
 * still loading); gives up after `timeoutMs`.
 */
export function focusWhenShown(selectors: string[], timeoutMs = 5000): void {
  const until = performance.now() + timeoutMs;
  const attempt = () => {
    for (const selector of selectors) {
      const element = document.querySelector<HTMLElement>(selector);
      if (element) {
        element.focus();
        return;
      }
    }
    if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
