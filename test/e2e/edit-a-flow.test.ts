// Browser: the editor's tasks — palette drag, connect ports, validation, undo/redo, find, paste between flows,
// autosave across a reload and a closed tab, a conflicting save from a second browser, publish.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './helpers/axe';
import { type FlowRow, apiQuery, createFlow } from './helpers/api';
import { useStudio } from './helpers/studio-test';

describe('edit a flow', () => {
  const studio = useStudio();

  async function openEditor(page: Page, flowId: string) {
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="Flow canvas"]').waitFor();
    await page.getByRole('group', { name: 'Start (Start)' }).waitFor();
  }

  const saveStatus = (page: Page) => page.locator('[data-save-status]').getAttribute('data-save-status');
  async function waitSaved(page: Page) {
    await page.locator('[data-save-status="saved"]').waitFor();
  }
  const draftOf = async (page: Page, flowId: string) => (await apiQuery<FlowRow>(page, 'flows.get', { flowId })).draft;

  async function dragMenuOntoCanvas(page: Page) {
    const canvas = page.locator('[aria-label="Flow canvas"]');
    const box = (await canvas.boundingBox())!;
    // Upper right of the view: the blank flow's start and hang-up nodes sit in the middle.
    await page
      .getByRole('button', { name: 'Menu', exact: true })
      .dragTo(canvas, { targetPosition: { x: box.width * 0.62, y: 20 } });
    return page.getByRole('group', { name: 'Menu (Menu)' });
  }

  it('a menu dragged from the palette shows its key ports, an error until its prompt is written, and undo/redo take it away and back', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Palette drag');
    await openEditor(page, flow.id);
    await expect(page.getByRole('button', { name: 'Publish' }).isEnabled()).resolves.toBe(true);

    const menu = await dragMenuOntoCanvas(page);
    await menu.waitFor();
    await expect(menu.getByTitle('Menu exit 1').count()).resolves.toBe(1);
    await expect(menu.getByTitle('Menu exit No input').count()).resolves.toBe(1);
    // The empty prompt is an error on the node and in the problems panel, and publishing is blocked.
    await menu
      .getByLabel(/errors?$/)
      .first()
      .waitFor();
    await expect(page.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: /^[1-9]\d* errors? ·/ }).click();
    const problem = page
      .getByRole('region', { name: 'Problems' })
      .getByRole('button')
      .filter({ hasText: /prompt/i })
      .first();
    await problem.click();
    await expect(page.getByLabel('Label', { exact: true }).inputValue()).resolves.toBe('');
    await expect(page.getByRole('complementary', { name: 'Inspector' }).textContent()).resolves.toContain('Menu');

    await page.getByRole('button', { name: 'Undo' }).click();
    await menu.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Publish' }).and(page.locator(':enabled')).waitFor();
    await page.getByRole('button', { name: 'Redo' }).click();
    await menu.waitFor();
    await page.getByRole('button', { name: 'Publish' }).and(page.locator(':disabled')).waitFor();
    // The editor with nothing selected (the flow settings in the inspector) passes axe.
    await page.locator('[aria-label="Flow canvas"]').click({ position: { x: 12, y: 12 } });
    await page.getByRole('complementary', { name: 'Inspector' }).getByText('Default language').first().waitFor();
    await expectAccessible(page);
  });

  it('connecting a menu key to the hang-up node saves an edge from that port', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Connect ports');
    await openEditor(page, flow.id);
    const menu = await dragMenuOntoCanvas(page);
    await menu.waitFor();
    const from = (await menu.getByTitle('Menu exit 1').boundingBox())!;
    const to = (await page.getByTitle('Into Hang up').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await page.locator('.react-flow__edge').nth(1).waitFor();
    await waitSaved(page);
    const draft = await draftOf(page, flow.id);
    const menuNode = draft.nodes.find((n) => n.type === 'menu')!;
    expect(draft.edges).toContainEqual(expect.objectContaining({ source: menuNode.id, port: '1', target: 'end' }));
  });

  it('Ctrl+F finds a node by its label and selects it', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Find');
    await openEditor(page, flow.id);
    await page.locator('[aria-label="Flow canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    await page.getByLabel('Find by label, id, prompt text or variable').fill('hang');
    await page
      .getByRole('dialog', { name: 'Find a node' })
      .getByRole('button', { name: /Hang up/ })
      .first()
      .click();
    await expect(page.getByLabel('Label', { exact: true }).inputValue()).resolves.toBe('Hang up');

    // Opened again, the last query comes back selected: typing replaces it instead of appending to it.
    await page.locator('[aria-label="Flow canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    const box = page.getByLabel('Find by label, id, prompt text or variable');
    await expect(box.inputValue()).resolves.toBe('hang');
    await page.waitForFunction(() => {
      const input = document.activeElement as HTMLInputElement | null;
      return input?.value === 'hang' && input.selectionStart === 0 && input.selectionEnd === 4;
    });
    await page.keyboard.type('start');
    await expect(box.inputValue()).resolves.toBe('start');
  });

  it('a node copied in one flow is pasted into another with a new id, and the change is saved', async () => {
    const page = await studio.adminPage();
    const source = await createFlow(page, 'Copy source');
    const target = await createFlow(page, 'Paste target');
    await openEditor(page, source.id);
    const menu = await dragMenuOntoCanvas(page);
    await menu.waitFor();
    await waitSaved(page);
    const sourceMenu = (await draftOf(page, source.id)).nodes.find((n) => n.type === 'menu')!;
    await menu.click();
    await page.keyboard.press('Control+c');
    await openEditor(page, target.id);
    await page.locator('[aria-label="Flow canvas"]').hover();
    await page.keyboard.press('Control+v');
    await page.getByRole('group', { name: 'Menu (Menu)' }).waitFor();
    await waitSaved(page);
    const pasted = (await draftOf(page, target.id)).nodes.filter((n) => n.type === 'menu');
    expect(pasted).toHaveLength(1);
    expect(pasted[0]!.id).not.toBe(sourceMenu.id);
    expect(pasted[0]!.config).toEqual(sourceMenu.config);
  });

  it('a label typed in the inspector is autosaved and still there after a reload', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Autosave');
    await openEditor(page, flow.id);
    await page.getByRole('group', { name: 'Hang up (Hang up)' }).click();
    await page.getByLabel('Label', { exact: true }).fill('Goodbye');
    await page.getByRole('group', { name: 'Goodbye (Hang up)' }).waitFor();
    await waitSaved(page);
    await page.reload();
    await studio.hydrated(page);
    await page.getByRole('group', { name: 'Goodbye (Hang up)' }).waitFor();
    expect((await draftOf(page, flow.id)).nodes.find((n) => n.id === 'end')!.label).toBe('Goodbye');
  });

  it('changes left unsaved when the tab closed are restored from the browser on return and then saved', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Closed tab');
    await openEditor(page, flow.id);
    // Block saves so the change can only survive in the browser's copy.
    await page.route('**/api/trpc/flows.saveDraft**', (route) => route.abort());
    await page.getByRole('group', { name: 'Hang up (Hang up)' }).click();
    await page.getByLabel('Label', { exact: true }).fill('Kept in the browser');
    await page.getByRole('group', { name: 'Kept in the browser (Hang up)' }).waitFor();
    expect(await saveStatus(page)).not.toBe('saved');
    // The browser copy follows the change within a moment; then the tab is closed as a crash would.
    await page.waitForFunction(
      (id) => localStorage.getItem(`callflow.unsaved.${id}`)?.includes('Kept in the browser'),
      flow.id,
    );
    const second = await page.context().newPage();
    await page.close({ runBeforeUnload: false });
    await openEditor(second, flow.id);
    await second.getByText(/Restored your unsaved changes/).waitFor();
    await second.getByRole('group', { name: 'Kept in the browser (Hang up)' }).waitFor();
    await waitSaved(second);
    expect((await draftOf(second, flow.id)).nodes.find((n) => n.id === 'end')!.label).toBe('Kept in the browser');
  });

  it('a save conflicting with one from a second browser shows who saved and when, and reload shows their change', async () => {
    const mine = await studio.adminPage();
    const flow = await createFlow(mine, 'Conflict');
    await openEditor(mine, flow.id);
    const theirs = await studio.adminPage();
    await openEditor(theirs, flow.id);
    await theirs.getByRole('group', { name: 'Hang up (Hang up)' }).click();
    await theirs.getByLabel('Label', { exact: true }).fill('Theirs');
    await waitSaved(theirs);
    await mine.getByRole('group', { name: 'Hang up (Hang up)' }).click();
    await mine.getByLabel('Label', { exact: true }).fill('Mine');
    // The same admin in both: the dialog names their other tab (concurrent-editing.test.ts has two people).
    const dialog = mine.getByRole('dialog', { name: 'Your other tab saved this flow' });
    await dialog.waitFor();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(
      /saved this flow in another tab or window at .+ \(revision \d+\)/,
    );
    await dialog.getByRole('button', { name: 'Review differences' }).click();
    await dialog
      .getByText(/Hang up|Mine|Theirs/)
      .first()
      .waitFor();
    await dialog.getByRole('button', { name: 'Reload their version' }).click();
    await mine
      .getByRole('dialog')
      .filter({ hasText: 'Replace your changes with their version?' })
      .getByRole('button', { name: 'Replace mine with theirs' })
      .click();
    await dialog.waitFor({ state: 'detached' });
    await mine.getByRole('group', { name: 'Theirs (Hang up)' }).waitFor();
    await waitSaved(mine);
  });

  it('publish asks for a note, shows what changed since the last version and creates the version', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Publish me');
    await openEditor(page, flow.id);
    await page.getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    await dialog.getByText('This will be the first version of this flow.').waitFor();
    await dialog.getByLabel('Note for this version').fill('First cut');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published version 1.').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('group', { name: 'Hang up (Hang up)' }).click();
    await page.getByLabel('Label', { exact: true }).fill('Bye now');
    await waitSaved(page);
    await page.getByRole('button', { name: 'Publish' }).click();
    await dialog.getByText('What changed since version 1').waitFor();
    await dialog.getByText(/1 changed/).waitFor();
    await dialog.getByLabel('Note for this version').fill('Renamed the goodbye');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published version 2.').waitFor();
    const versions = await apiQuery<{ versions: { number: number; note: string }[] }>(page, 'versions.list', {
      flowId: flow.id,
    });
    expect(versions.versions.map((v) => [v.number, v.note])).toEqual([
      [2, 'Renamed the goodbye'],
      [1, 'First cut'],
    ]);
  });

  it('a sticky note shows beside its node; auto-layout lays the flow out left to right as one undo step; ? lists the shortcuts', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Notes and layout');
    await openEditor(page, flow.id);
    await page.getByRole('group', { name: 'Hang up (Hang up)' }).click();
    await page.getByLabel('Sticky note').fill('Ask billing before changing');
    await page
      .getByRole('group', { name: 'Hang up (Hang up)' })
      .getByRole('note')
      .filter({ hasText: 'Ask billing before changing' })
      .waitFor();
    await waitSaved(page);
    expect((await draftOf(page, flow.id)).nodes.find((n) => n.id === 'end')!.note).toBe('Ask billing before changing');

    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('button', { name: 'Auto-layout' }).waitFor();
    await waitSaved(page);
    const laidOut = await draftOf(page, flow.id);
    const x = (id: string) => laidOut.nodes.find((n) => n.id === id)!.position.x;
    expect(x('start')).toBeLessThan(x('end'));
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitSaved(page);
    expect((await draftOf(page, flow.id)).nodes.find((n) => n.id === 'end')!.position).toEqual({ x: 0, y: 160 });

    await page.locator('[aria-label="Flow canvas"]').click({ position: { x: 12, y: 12 } });
    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Find a node').waitFor();
    await expect(help.getByText('Ctrl+Shift+Z').count()).resolves.toBe(1);
  });
});
