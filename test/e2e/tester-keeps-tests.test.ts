// Browser (tester): the design is read-only for a tester — no palette, Delete does nothing — yet a simulated call is
// kept as a test (saved with flows.saveTests), is still there after a reload, and passes with the flow's other tests.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../flow-engine/document';
import { apiMutation, apiQuery } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

interface FlowRow {
  id: string;
  revision: number;
  draft: FlowDocument;
}

// The gas utility's template: ten tests that need no shared resources; key 2 in service hours goes to customer service.
const template = 'utility-emergency-line';
// A retried test creates its user again: each attempt gets its own email.
let attempts = 0;
const person = (name: string, role: string) => ({
  name,
  email: `${role}.${++attempts}@example.com`,
  password: `a-long-password-${role}`,
  role,
});

describe('a tester keeps simulated calls as tests', () => {
  const studio = useStudio();
  // The admin's one session (studio.adminPage) sets up through the API; each test then signs in one other user.
  const adminPage = () => studio.adminPage();

  async function openEditor(page: Page, flowId: string) {
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="Flow canvas"]').waitFor();
    // Off-screen nodes are not drawn: fit the view so every node is on the canvas.
    await page.getByRole('button', { name: /fit view/i }).click();
    await page.getByTestId('node-mainMenu').waitFor();
  }

  it('the tester cannot change the design, saves a call as a test, finds it after a reload, and all tests pass', async () => {
    const admin = await adminPage();
    const tester = person('Tester Tang', 'tester');
    await apiMutation(admin, 'users.create', tester);
    const created = await apiMutation<{ id: string }>(admin, 'flows.create', {
      name: 'Gas line for testers',
      template,
    });
    const before = await apiQuery<FlowRow>(admin, 'flows.get', { flowId: created.id });

    const page = await studio.newPage();
    await studio.signIn(page, { email: tester.email, password: tester.password });
    await openEditor(page, created.id);

    // The design stays read-only: the palette is disabled and Delete on a selected node removes nothing.
    const palette = page.getByRole('complementary', { name: 'Node palette' });
    await expect(palette.locator('button.cf-palette-entry').first().isDisabled()).resolves.toBe(true);
    await page.getByTestId('node-regionRoute').click();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('node-regionRoute').count()).resolves.toBe(1);
    await expect(page.locator('[data-save-status]').getAttribute('data-save-status')).resolves.toBe('saved');
    await expectAccessible(page);

    // Simulate a billing call: key 2 on the keypad on a Monday morning reaches customer service.
    await page.getByRole('button', { name: 'Simulate' }).click();
    const panel = page.getByRole('region', { name: 'Simulate a call' });
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Start call' }).click();
    // Paused, no no-input countdown runs while the key is typed.
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByRole('status').filter({ hasText: 'Waiting for keys at Main menu' }).waitFor({ timeout: 30_000 });
    await panel.getByRole('group', { name: 'Keypad' }).focus();
    await page.keyboard.type('2');
    // Paused, the rest of the call waits to be shown; "Call ended" comes with its last lines.
    await panel.getByRole('button', { name: 'Continue' }).click();
    await panel.getByRole('status').filter({ hasText: 'Call ended at Customer service' }).waitFor({ timeout: 30_000 });

    const name = 'Billing call kept by a tester';
    await panel.getByRole('button', { name: 'Save as test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this call as a test' });
    await dialog.getByLabel('Test name').fill(name);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save test' }).click();
    await page.getByText(`Test “${name}” added to the flow.`).waitFor();

    // Autosave sends only the tests: the server's draft gains the test and keeps its nodes and edges.
    await expect
      .poll(
        async () =>
          (await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id })).draft.tests?.map((t) => t.name) ?? [],
        { timeout: 30_000 },
      )
      .toContain(name);
    await page.locator('[data-save-status="saved"]').waitFor({ timeout: 30_000 });
    const after = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.draft.nodes).toEqual(before.draft.nodes);
    expect(after.draft.edges).toEqual(before.draft.edges);
    expect(after.draft.tests).toHaveLength((before.draft.tests?.length ?? 0) + 1);
    expect(after.draft.tests!.find((t) => t.name === name)).toMatchObject({
      inputs: ['2'],
      expect: { end: 'serviceQueue', reason: 'queued' },
    });

    // After a reload the test is in the tests panel, editable by the tester, and every test passes.
    await openEditor(page, created.id);
    await page.getByRole('button', { name: /\bTests$/ }).click();
    const tests = page.getByRole('complementary', { name: 'Tests' });
    await tests.waitFor();
    const list = tests.getByRole('list', { name: 'Test cases' });
    await list.getByText(name, { exact: true }).waitFor();
    await list.getByRole('button', { name: `Edit “${name}”` }).waitFor();
    await list.getByRole('button', { name: `Delete “${name}”` }).waitFor();
    const total = after.draft.tests!.length;
    await tests.getByRole('button', { name: 'Run all tests' }).click();
    await tests
      .getByRole('status')
      .filter({ hasText: `${total} passed · 0 failed` })
      .waitFor({ timeout: 60_000 });
    await expectAccessible(page);
  });

  it('a viewer can simulate and run tests but neither keep a call as a test nor change one', async () => {
    const admin = await adminPage();
    const viewer = person('Viewer Wei', 'viewer');
    await apiMutation(admin, 'users.create', viewer);
    const created = await apiMutation<{ id: string }>(admin, 'flows.create', {
      name: 'Gas line for viewers',
      template,
    });

    const page: Page = await studio.newPage();
    await studio.signIn(page, { email: viewer.email, password: viewer.password });
    await openEditor(page, created.id);
    await page.getByRole('button', { name: /\bTests$/ }).click();
    const tests = page.getByRole('complementary', { name: 'Tests' });
    await tests.getByText('Only testers and designers can change tests; you can run them.').waitFor();
    await expect(tests.getByRole('button', { name: /^Edit “/ }).count()).resolves.toBe(0);
    await expect(tests.getByRole('button', { name: /^Delete “/ }).count()).resolves.toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Simulate' }).click();
    const panel = page.getByRole('region', { name: 'Simulate a call' });
    await panel.getByRole('button', { name: 'Start call' }).click();
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByRole('status').filter({ hasText: 'Waiting for keys at Main menu' }).waitFor({ timeout: 30_000 });
    await expect(panel.getByRole('button', { name: 'Save as test' }).isDisabled()).resolves.toBe(true);
  });
});
