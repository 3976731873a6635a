// Browser: the editor from the keyboard (issue 15, point 8) — skip links to the palette, canvas, side panel and
// simulator; a visible focus ring on nodes and edges; opening Simulate puts the keyboard on "Start call"; Ctrl+Z
// from a field undoes the editor's changes (the inspector's fields through the editor's history, other fields once
// their own typing is undone).

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './helpers/axe';
import { apiMutation } from './helpers/api';
import { useStudio } from './helpers/studio-test';

describe('editor: keyboard access', () => {
  const studio = useStudio();

  async function openNewFlow(page: Page, name: string): Promise<void> {
    const created = await apiMutation<{ id: string }>(page, 'flows.create', { name, template: 'small-business' });
    await studio.goto(page, `/flows/${created.id}`);
    await page.locator('.react-flow__node').first().waitFor();
  }

  /** What has the keyboard focus: its accessible text, class and tag. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return {
        text: element?.textContent?.trim() ?? '',
        className: String(element?.className ?? ''),
        tag: element?.tagName ?? '',
        label: element?.getAttribute('aria-label') ?? '',
      };
    });

  /** Presses Tab until `done` holds for the focused element; the number of presses (at most `limit`). */
  async function tabUntil(
    page: Page,
    done: (f: Awaited<ReturnType<typeof focused>>) => boolean,
    limit: number,
  ): Promise<number> {
    for (let presses = 1; presses <= limit; presses++) {
      await page.keyboard.press('Tab');
      if (done(await focused(page))) return presses;
    }
    throw new Error(`Not reached in ${limit} Tab presses; focus is on ${JSON.stringify(await focused(page))}`);
  }

  it('skip links reach the simulator’s Start call in a few key presses, and the palette, canvas and side panel', async () => {
    const page = await studio.adminPage();
    await openNewFlow(page, 'Keyboard skip links');

    // From the top of the page (its first link, in the top bar): Tab to the simulator's skip link, Enter, and the
    // keyboard is on Start call.
    await page.evaluate(() => document.querySelector<HTMLElement>('a[href], button')?.focus());
    const presses = 1 + (await tabUntil(page, (f) => f.text === 'Skip to the simulator', 30));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Start call', undefined, {
      timeout: 60_000,
    });
    // 109 Tab presses before the skip links; now the top bar's links, four skip links and Enter.
    expect(presses).toBeLessThanOrEqual(20);
    await expectAccessible(page);

    // The skip links to the palette (its search box), the canvas (a node) and the side panel.
    const skip = async (name: string) => {
      await page.getByRole('link', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
    };
    await skip('Skip to the node palette');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Search nodes');
    await skip('Skip to the canvas');
    await page.waitForFunction(() => document.activeElement?.classList.contains('react-flow__node') === true);
    await skip('Skip to the side panel');
    await page.waitForFunction(() => document.activeElement?.closest('.cf-inspector, .cf-simulate') !== null);
  });

  it('the focused node and the focused edge are drawn with a visible focus ring', async () => {
    const page = await studio.adminPage();
    await openNewFlow(page, 'Keyboard focus ring');
    await page.getByRole('link', { name: 'Skip to the canvas', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('react-flow__node') === true);
    // Tab moves between nodes; the focused one's card carries a 3 px outline.
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const card = document.activeElement?.querySelector('.cf-node');
      const style = card ? getComputedStyle(card) : undefined;
      return {
        onNode: document.activeElement?.classList.contains('react-flow__node'),
        style: style?.outlineStyle,
        width: style?.outlineWidth,
      };
    });
    expect(ring).toEqual({ onNode: true, style: 'solid', width: '3px' });

    // Edges take the focus too (React Flow's edgesFocusable): the focused edge's line turns blue and thick.
    const edgeStyle = async () =>
      page.evaluate(() => {
        const path = document.activeElement?.closest('.react-flow__edge')?.querySelector('.react-flow__edge-path');
        const style = path ? getComputedStyle(path) : undefined;
        return style && { stroke: style.stroke, width: style.strokeWidth };
      });
    let edge: Awaited<ReturnType<typeof edgeStyle>>;
    for (let presses = 0; presses < 60 && !edge; presses++) {
      await page.keyboard.press('Shift+Tab');
      edge = await edgeStyle();
    }
    expect(edge).toEqual({ stroke: 'rgb(37, 99, 201)', width: '3px' });
  });

  it('Ctrl+Z from the inspector’s label field and from the palette’s search undoes the editor’s changes', async () => {
    const page = await studio.adminPage();
    await openNewFlow(page, 'Keyboard undo from fields');
    const nodes = page.locator('.react-flow__node');
    const before = await nodes.count();

    // A change to undo later: a Play node added from the palette with the keyboard.
    await page.getByRole('button', { name: 'Play', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => nodes.count()).toBe(before + 1);

    // Relabel Main menu in the inspector, and Ctrl+Z in the same field: the editor's undo puts the old name back.
    await page.getByTestId('node-mainMenu').click();
    const name = page.getByRole('textbox', { name: 'Label', exact: true });
    await name.click();
    await name.press('End');
    await name.pressSequentially(' (renamed)');
    await page.getByTestId('node-mainMenu').getByText('Main menu (renamed)').waitFor();
    await name.press('Control+z');
    await page.getByTestId('node-mainMenu').getByText('Main menu', { exact: true }).waitFor();
    await expect(name.inputValue()).resolves.toBe('Main menu');
    await expect(name.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    expect(await nodes.count()).toBe(before + 1);

    // The palette's search keeps its own text undo first; once back to empty, Ctrl+Z undoes the added node.
    const search = page.locator('.cf-palette input[aria-label="Search nodes"]');
    await search.click();
    await search.pressSequentially('pl');
    // The browser may keep each typed key as its own undo step: Ctrl+Z until the box is empty again.
    for (let presses = 0; presses < 4 && (await search.inputValue()) !== ''; presses++) await search.press('Control+z');
    await expect(search.inputValue()).resolves.toBe('');
    expect(await nodes.count()).toBe(before + 1);
    await search.press('Control+z');
    await expect.poll(() => nodes.count()).toBe(before);
  });
});
