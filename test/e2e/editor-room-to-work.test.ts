// Browser: the canvas gets the screen at 1280×800 — a one-row toolbar, foldable palette and side area, simulate and
// tests in the inspector's place, a minimap that can be hidden and never covers what fit-view frames, fit-view and
// auto-layout on 1,000 nodes, a left-to-right auto-layout of a menu's branches, and a readable variables list.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateEngineFlow } from '../../bench/generate-flow';
import type { FlowDocument } from '../../flow-engine/document';
import { apiMutation, apiQuery } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

interface FlowRow {
  id: string;
  revision: number;
  draft: FlowDocument;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

describe('room to work in the editor', () => {
  const studio = useStudio();

  async function templateFlow(page: Page, template: string, name: string): Promise<FlowRow> {
    const created = await apiMutation<{ id: string }>(page, 'flows.create', {
      name: `${name} ${Date.now()}`,
      template,
    });
    return apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
  }

  async function openAt1280(page: Page, flowId: string) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="Flow canvas"]').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
  }

  const boxOf = async (page: Page, selector: string): Promise<Box> => {
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not on the screen`);
    return box;
  };
  const canvasWidth = async (page: Page) => (await boxOf(page, '.cf-canvas')).width;
  const draftOf = async (page: Page, flowId: string) => (await apiQuery<FlowRow>(page, 'flows.get', { flowId })).draft;
  /** The saved draft once `ready` holds for it (autosave runs a moment after the change). */
  async function savedDraftWhen(
    page: Page,
    flowId: string,
    ready: (doc: FlowDocument) => boolean,
  ): Promise<FlowDocument> {
    for (let tries = 0; tries < 120; tries++) {
      const doc = await draftOf(page, flowId);
      if (ready(doc)) return doc;
      await page.waitForTimeout(500);
    }
    throw new Error('The draft never reached the expected state.');
  }
  const positionsOf = (doc: FlowDocument) => doc.nodes.map((n) => n.position);

  /** Every drawn node's box (screen pixels) and the ids of the nodes drawn. */
  const nodeBoxes = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.dataset.id ?? '', x: r.left, y: r.top, width: r.width, height: r.height };
      }),
    );
  const inside = (inner: Box, outer: Box) =>
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1;
  const overlaps = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  /** After fit-view: all `count` nodes are drawn, inside the canvas, and (when shown) clear of the minimap. */
  async function expectWholeFlowFramed(page: Page, count: number) {
    // The fit animates for 250–300 ms; the nodes are in place once their boxes stop moving.
    let boxes = await nodeBoxes(page);
    for (let settled = false; !settled;) {
      await page.waitForTimeout(400);
      const again = await nodeBoxes(page);
      settled = JSON.stringify(again) === JSON.stringify(boxes);
      boxes = again;
    }
    expect(boxes.length).toBe(count);
    const canvas = await boxOf(page, '.cf-canvas');
    const outside = boxes.filter((b) => !inside(b, canvas)).map((b) => b.id);
    expect(outside).toEqual([]);
    if ((await page.locator('.react-flow__minimap').count()) > 0) {
      const minimap = await boxOf(page, '.react-flow__minimap');
      expect(boxes.filter((b) => overlaps(b, minimap)).map((b) => b.id)).toEqual([]);
    }
  }

  it('at 1280×800 the toolbar is one row, inside the window', async () => {
    const page = await studio.adminPage();
    const flow = await templateFlow(page, 'small-business', 'Toolbar');
    await openAt1280(page, flow.id);
    const bar = await boxOf(page, '.cf-topbar');
    // One row of 32 px buttons with 8 px padding; a second row would make it at least 72 px.
    expect(bar.height).toBeLessThan(60);
    const help = await boxOf(page, '.cf-topbar button[aria-label="Keyboard shortcuts"]');
    expect(help.x + help.width).toBeLessThanOrEqual(1280);
    // The actions moved to icons keep their names.
    await page.getByRole('button', { name: 'JSON' }).waitFor();
    await page.getByRole('link', { name: 'Versions' }).waitFor();
    await expectAccessible(page);
  });

  it('simulate and tests open in the inspector’s place; folding the palette and the side area widens the canvas', async () => {
    const page = await studio.adminPage();
    const flow = await templateFlow(page, 'small-business', 'Side area');
    await openAt1280(page, flow.id);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.waitFor();

    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('region', { name: 'Simulate a call' }).waitFor();
    await inspector.waitFor({ state: 'detached' });
    const withSimulator = await canvasWidth(page);
    expect(withSimulator).toBeGreaterThanOrEqual(560);

    await page.getByRole('button', { name: /\bTests$/ }).click();
    await page.getByRole('region', { name: 'Simulate a call' }).waitFor({ state: 'detached' });
    await page.getByRole('complementary', { name: 'Tests' }).waitFor();
    expect(await canvasWidth(page)).toBeGreaterThanOrEqual(560);
    await page.getByRole('button', { name: /\bTests$/ }).click();
    await inspector.waitFor();

    const before = await canvasWidth(page);
    await page.getByRole('button', { name: 'Hide the node palette' }).click();
    await page.getByRole('complementary', { name: 'Node palette' }).waitFor({ state: 'detached' });
    const withoutPalette = await canvasWidth(page);
    expect(withoutPalette).toBeGreaterThan(before + 150);
    await page.getByRole('button', { name: 'Hide the side panel' }).click();
    await inspector.waitFor({ state: 'detached' });
    expect(await canvasWidth(page)).toBeGreaterThan(withoutPalette + 250);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Show the side panel' }).click();
    await page.getByRole('button', { name: 'Show the node palette' }).click();
    await inspector.waitFor();
    await page.getByRole('complementary', { name: 'Node palette' }).waitFor();
  });

  it('clicking a problem while the simulator has the side area brings the inspector back with the node', async () => {
    const page = await studio.adminPage();
    const flow = await templateFlow(page, 'ecommerce-after-sales', 'Problem to inspector');
    const goodbye = flow.draft.nodes.find((n) => n.id === 'goodbye')!;
    delete (goodbye.config.prompt as { tts: Record<string, string> }).tts['en-US'];
    await apiMutation(page, 'flows.saveDraft', { flowId: flow.id, document: flow.draft, baseRevision: flow.revision });
    await openAt1280(page, flow.id);
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('region', { name: 'Simulate a call' }).waitFor();
    await page.getByRole('button', { name: /^1 error · 0 warnings$/ }).click({ timeout: 60_000 });
    await page
      .getByRole('region', { name: 'Problems' })
      .getByRole('button')
      .filter({ hasText: /has no text for en-US/ })
      .click();
    await page.getByRole('region', { name: 'Node settings' }).and(page.locator('[data-node-id="goodbye"]')).waitFor();
    await expect(page.getByRole('region', { name: 'Simulate a call' }).count()).resolves.toBe(0);
  });

  it('the flow’s variables show their names in full', async () => {
    const page = await studio.adminPage();
    const flow = await templateFlow(page, 'ecommerce-after-sales', 'Variables');
    await openAt1280(page, flow.id);
    const longest = [...flow.draft.variables].sort((a, b) => b.name.length - a.name.length)[0]!;
    expect(longest.name.length).toBeGreaterThan(6);
    const index = flow.draft.variables.indexOf(longest) + 1;
    const name = page.getByLabel(`Name of variable ${index}`, { exact: true });
    await expect(name.inputValue()).resolves.toBe(longest.name);
    // The whole name fits in its field: nothing scrolled out of view.
    const fits = await name.evaluate(
      (el: HTMLInputElement) => el.scrollWidth <= el.clientWidth && el.clientWidth >= 120,
    );
    expect(fits).toBe(true);
    await expectAccessible(page);
  });

  it('auto-layout of a menu with several branches is wider than tall, one branch per row, and one undo puts it back', async () => {
    const page = await studio.adminPage();
    const flow = await templateFlow(page, 'small-business', 'Layout');
    // Start from a tall column, as a flow built by adding nodes one under another looks.
    const column: FlowDocument = {
      ...flow.draft,
      nodes: flow.draft.nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 160 } })),
    };
    await apiMutation(page, 'flows.saveDraft', { flowId: flow.id, document: column, baseRevision: flow.revision });
    await openAt1280(page, flow.id);

    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('button', { name: 'Auto-layout' }).waitFor();
    const columnPositions = JSON.stringify(positionsOf(column));
    const laidOut = await savedDraftWhen(page, flow.id, (doc) => JSON.stringify(positionsOf(doc)) !== columnPositions);
    const at = (id: string) => laidOut.nodes.find((n) => n.id === id)!.position;
    const xs = laidOut.nodes.map((n) => n.position.x);
    const ys = laidOut.nodes.map((n) => n.position.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(Math.max(...ys) - Math.min(...ys));
    // The menu's keys lead right of it, each to its own row.
    const menuTargets = laidOut.edges.filter((e) => e.source === 'mainMenu').map((e) => e.target);
    const branches = [...new Set(menuTargets)].filter((id) => id !== 'mainMenu');
    expect(branches.length).toBeGreaterThanOrEqual(3);
    for (const id of branches) expect(at(id).x).toBeGreaterThan(at('mainMenu').x);
    expect(new Set(branches.map((id) => at(id).y)).size).toBe(branches.length);
    await expectWholeFlowFramed(page, laidOut.nodes.length);

    await page.getByRole('button', { name: 'Undo' }).click();
    // One undo step: the saved draft is back to the column.
    await savedDraftWhen(page, flow.id, (doc) => JSON.stringify(positionsOf(doc)) === columnPositions);
  });

  it('1,000 nodes: fit-view frames them all clear of the minimap, the minimap hides, auto-layout shows progress and fits', async () => {
    const page = await studio.adminPage();
    const created = await apiMutation<{ id: string }>(page, 'flows.create', { name: `Thousand ${Date.now()}` });
    const flow = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
    const big = { ...generateEngineFlow(1000), id: flow.draft.id };
    await apiMutation(page, 'flows.saveDraft', { flowId: flow.id, document: big, baseRevision: flow.revision });
    await openAt1280(page, flow.id);

    await page.getByRole('button', { name: /fit view/i }).click();
    await expectWholeFlowFramed(page, 1000);

    await page.getByRole('button', { name: 'Hide the minimap' }).click();
    await page.locator('.react-flow__minimap').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Show the minimap' }).waitFor();

    // ELK takes seconds on 1,000 nodes: the layout says what it is doing meanwhile.
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('status').filter({ hasText: 'Arranging 1,000 nodes' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Auto-layout' }).waitFor({ timeout: 180_000 });
    await expectWholeFlowFramed(page, 1000);
  }, 300_000);
});
