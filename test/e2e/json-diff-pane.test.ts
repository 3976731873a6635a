// Browser: the versions page's Monaco diff pane never stays on "Loading..." (issue 15, point 1): choosing other
// versions, the draft (whose pane unmounts while it loads) and back, and leaving the page and coming back, each show
// the diff with its change count.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../flow-engine/document';
import { apiMutation, apiQuery } from './helpers/api';
import { useStudio } from './helpers/studio-test';

type FlowRow = { id: string; revision: number; draft: FlowDocument };

describe('JSON diff pane', () => {
  const studio = useStudio();

  /** The pane shows a computed diff with `text` on its modified side, and no "Loading..." anywhere. */
  async function diffShows(page: Page, text: string): Promise<void> {
    const pane = page.getByTestId('json-diff');
    await pane.and(page.locator('[data-changes]')).waitFor({ timeout: 60_000 });
    await pane.locator('.modified').getByText(text, { exact: false }).first().waitFor({ timeout: 60_000 });
    // The count follows the worker's diff of the new texts a moment after they show.
    await expect
      .poll(async () => Number(await pane.getAttribute('data-changes')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect(page.getByText('Loading...', { exact: true }).count()).resolves.toBe(0);
  }

  /** Chooses a side with the keyboard (the open list lies over Monaco); done when the diff's heading names the pair. */
  async function choose(
    page: Page,
    select: 'Compare from' | 'Compare to',
    option: string,
    heading: string,
  ): Promise<void> {
    // The previous choice's list is closed first (while it animates out, two lists would be visible).
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('combobox', { name: select }).focus();
    await page.keyboard.press('ArrowDown');
    const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').first();
    for (let step = 0; step < 6 && (await active.textContent({ timeout: 10_000 }))?.trim() !== option; step++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: heading }).waitFor({ timeout: 30_000 });
  }

  it('shows the diff after switching versions, the draft and back, and after leaving the page and returning', async () => {
    const page = await studio.adminPage();
    const created = await apiMutation<FlowRow>(page, 'flows.create', {
      name: 'Diff pane e2e',
      template: 'small-business',
    });
    await apiMutation(page, 'versions.publish', { flowId: created.id, note: 'One' });
    const setGreeting = async (text: string) => {
      const current = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
      const draft = structuredClone(current.draft);
      (draft.nodes.find((n) => n.id === 'mainMenu')!.config.prompt as { tts: Record<string, string> }).tts['en-US'] =
        text;
      await apiMutation(page, 'flows.saveDraft', {
        flowId: created.id,
        document: draft,
        baseRevision: current.revision,
      });
    };
    await setGreeting('Greeting of version two.');
    await apiMutation(page, 'versions.publish', { flowId: created.id, note: 'Two' });
    await setGreeting('Greeting of the draft.');

    await studio.goto(page, `/flows/${created.id}/versions`);
    await diffShows(page, 'Greeting of version two.');
    // The draft is fetched when first chosen: the pane unmounts while it loads and mounts again.
    await choose(page, 'Compare to', 'Draft', 'JSON: Version 1 → Draft');
    await diffShows(page, 'Greeting of the draft.');
    await choose(page, 'Compare to', 'Version 2', 'JSON: Version 1 → Version 2');
    await diffShows(page, 'Greeting of version two.');
    await choose(page, 'Compare from', 'Version 2', 'JSON: Version 2 → Version 2');
    await choose(page, 'Compare to', 'Draft', 'JSON: Version 2 → Draft');
    await diffShows(page, 'Greeting of the draft.');

    // Away to the editor and back with the browser's history: a new pane (on the default pair, version 1 → 2) on a
    // page that had one.
    await page.goto(`/flows/${created.id}`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.goBack();
    await diffShows(page, 'Greeting of version two.');
    await page.goForward();
    await page.locator('.react-flow__node').first().waitFor();
    await page.goBack();
    await diffShows(page, 'Greeting of version two.');
  });
});
