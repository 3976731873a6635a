// Two people (or one person in two tabs) editing the same flow: changes to different nodes merge on their own and the
// editor says so; the same node changed both ways asks, node by node, side by side, and the default keeps the typing.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type FlowRow, apiMutation, apiQuery, createFlow } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

let people = 0;

describe('concurrent editing', () => {
  const studio = useStudio();

  async function designer(name: string): Promise<Page> {
    const admin = await studio.adminPage();
    const person = {
      name,
      email: `designer.${++people}@example.com`,
      password: 'a-long-designer-password',
      role: 'designer',
    };
    await apiMutation(admin, 'users.create', person);
    const page = await studio.newPage();
    await studio.signIn(page, { email: person.email, password: person.password });
    return page;
  }

  async function openEditor(page: Page, flowId: string) {
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="Flow canvas"]').waitFor();
    await page.getByTestId('node-start').waitFor();
  }

  /** Select a node on the canvas and type its label in the inspector. */
  async function relabel(page: Page, nodeId: string, label: string) {
    await page.getByTestId(`node-${nodeId}`).click();
    await page.getByLabel('Label', { exact: true }).fill(label);
  }

  const saved = (page: Page) => page.locator('[data-save-status="saved"]').waitFor({ timeout: 30_000 });
  const labelsOf = async (page: Page, flowId: string) => {
    const flow = await apiQuery<FlowRow>(page, 'flows.get', { flowId });
    return Object.fromEntries(flow.draft.nodes.map((n) => [n.id, n.label]));
  };

  it('changes to different nodes merge on the second save, and the notice names what arrived by label', async () => {
    const mine = await studio.adminPage();
    const flow = await createFlow(mine, 'Merging different nodes');
    await openEditor(mine, flow.id);
    const sam = await designer('Sam Designer');
    await openEditor(sam, flow.id);

    await relabel(sam, 'start', 'Incoming sales call');
    await saved(sam);
    await relabel(mine, 'end', 'Goodbye');

    const notice = mine
      .getByRole('status')
      .filter({ hasText: 'Sam Designer saved changes meanwhile; merged with yours and saved: Incoming sales call.' });
    await notice.waitFor({ timeout: 30_000 });
    await saved(mine);
    await expect(mine.getByRole('dialog').count()).resolves.toBe(0);
    // Their change is on my canvas, mine is still there, and the server has both.
    await mine.getByRole('group', { name: /^Incoming sales call / }).waitFor();
    await mine.getByRole('group', { name: /^Goodbye / }).waitFor();
    expect(await labelsOf(mine, flow.id)).toMatchObject({ start: 'Incoming sales call', end: 'Goodbye' });
    await expectAccessible(mine);
  });

  it('the same node changed by both: the dialog shows both sides per node, and its focused default keeps what I typed', async () => {
    const mine = await studio.adminPage();
    const flow = await createFlow(mine, 'Same node');
    await openEditor(mine, flow.id);
    const sam = await designer('Sam Second');
    await openEditor(sam, flow.id);

    await relabel(sam, 'end', 'Sam’s goodbye');
    await sam.getByTestId('node-start').click();
    await sam.getByLabel('Label', { exact: true }).fill('Sam’s start');
    await saved(sam);
    await relabel(mine, 'end', 'My goodbye');

    const dialog = mine.getByRole('dialog', { name: 'Someone else saved this flow' });
    await dialog.waitFor({ timeout: 30_000 });
    const choices = dialog.getByRole('region', { name: 'Parts changed in both versions' });
    const node = choices.getByRole('region', { name: 'My goodbye' });
    // Side by side: their name for the node under "Sam Second", mine under "Yours"; nothing a caller hears differs.
    await node.getByText('Name: Sam’s goodbye').waitFor();
    await node.getByText('Name: My goodbye').waitFor();
    await expect(
      node.getByText('Nothing a caller hears or can press changes (name, notes or layout only).').count(),
    ).resolves.toBe(2);
    await expect(node.getByRole('radio', { name: 'Keep mine' }).isChecked()).resolves.toBe(true);
    await expectAccessible(mine);

    // Enter on the focused default merges with "keep mine": my typing stays, their other node arrives.
    await mine.waitForFunction(() => document.activeElement?.textContent === 'Merge and save');
    await mine.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await saved(mine);
    expect(await labelsOf(mine, flow.id)).toMatchObject({ start: 'Sam’s start', end: 'My goodbye' });
    await mine.getByRole('group', { name: /^Sam’s start / }).waitFor();
  });

  it('the same user in two tabs is told it was their other tab, and can take that tab’s version of a node', async () => {
    const first = await studio.adminPage();
    const flow = await createFlow(first, 'Two tabs');
    await openEditor(first, flow.id);
    const second = await studio.adminPage();
    await openEditor(second, flow.id);

    await relabel(second, 'end', 'From the other tab');
    await saved(second);
    await relabel(first, 'end', 'From this tab');

    const dialog = first.getByRole('dialog', { name: 'Your other tab saved this flow' });
    await dialog.waitFor({ timeout: 30_000 });
    await dialog
      .getByRole('alert')
      .getByText(/^You saved this flow in another tab or window at /)
      .waitFor();
    const node = dialog.getByRole('region', { name: 'From this tab' });
    await node.getByText('Your other tab').waitFor();
    await node.getByRole('radio', { name: 'Take theirs' }).check();
    await dialog.getByRole('button', { name: 'Merge and save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await first.getByRole('group', { name: /^From the other tab / }).waitFor();
    await saved(first);
    expect(await labelsOf(first, flow.id)).toMatchObject({ end: 'From the other tab' });
    // Undo brings back what this tab had typed.
    await first.getByRole('button', { name: 'Undo', exact: true }).click();
    await first.getByRole('group', { name: /^From this tab / }).waitFor();
  });
});
