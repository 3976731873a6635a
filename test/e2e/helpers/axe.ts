// Runs axe-core in a page and fails on serious or critical accessibility violations.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolationSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical violations on the page as it is now (empty when it passes). */
export async function seriousViolations(page: Page, within?: string): Promise<AxeViolationSummary[]> {
  // Judge the page at rest: no antd button mid-request (drawn faded on purpose) and no colour transition half-way.
  await page.locator('.ant-btn-loading').first().waitFor({ state: 'detached' });
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // Spinners run forever; only wait for transitions that end.
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    (selector) =>
      (
        window as unknown as {
          axe: { run: (context: Document | { include: string[] }, options: object) => Promise<AxeResults> };
        }
      ).axe.run(selector ? { include: [selector] } : document, {
        resultTypes: ['violations'],
      }),
    within,
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

/** Throws with a readable list when the page (or the part `within` selects, e.g. `main`) has serious or critical violations. */
export async function expectAccessible(page: Page, within?: string): Promise<void> {
  const violations = await seriousViolations(page, within);
  if (violations.length === 0) return;
  const lines = violations.map(
    (violation) =>
      `  [${violation.impact}] ${violation.id}: ${violation.help}\n      ${violation.targets.join('\n      ')}`,
  );
  throw new Error(
    `axe found ${violations.length} serious/critical violation(s) on ${page.url()}:\n${lines.join('\n')}`,
  );
}
