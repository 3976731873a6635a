// Browser: a template flow's tests run in the browser (all pass, coverage shows, an untested exit is marked); a
// broken flow fails them and a failing test paints its expected-vs-actual path on the canvas; tests are edited in
// the panel and saved with the draft.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption } from './helpers/antd';
import { type FlowRow, apiMutation, apiQuery, createFlow } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

// The gas utility's template: its ten tests need no shared resources, so they run in the browser as they are.
const template = 'utility-emergency-line';

describe('flow tests and coverage in the editor', () => {
  const studio = useStudio();

  async function openTests(page: Page, flowId: string) {
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="Flow canvas"]').waitFor();
    await page.getByTestId('node-mainMenu').waitFor();
    await page.getByRole('button', { name: /\bTests$/ }).click();
    const panel = page.getByRole('complementary', { name: 'Tests' });
    await panel.waitFor();
    return panel;
  }

  const classOf = async (page: Page, testId: string) => (await page.getByTestId(testId).getAttribute('class')) ?? '';

  it('runs all tests in the browser: all pass, coverage shows in the top bar and the publish dialog, an untested exit is marked', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Tests pass', template);
    const panel = await openTests(page, flow.id);
    await panel.getByRole('button', { name: 'Run all tests' }).click();
    await panel.getByRole('status').filter({ hasText: '10 passed · 0 failed' }).waitFor({ timeout: 60_000 });
    await expect(
      panel.getByRole('list', { name: 'Test cases' }).getByRole('img', { name: 'Passed' }).count(),
    ).resolves.toBe(10);

    const percent = page.getByTestId('coverage-percent');
    await expect(percent.textContent()).resolves.toMatch(/^Coverage \d{1,2}%$/);
    await percent.hover();
    await page
      .getByRole('tooltip')
      .filter({ hasText: /of 17 nodes, \d+ of \d+ exits/ })
      .waitFor();

    // No test presses a wrong key at the main menu: its "Invalid" exit is marked on the canvas and listed in the panel.
    const invalidPort = page.getByTestId('node-mainMenu').locator('[data-port="invalid"] .cf-mark-coverage-uncovered');
    await invalidPort.waitFor({ state: 'attached' });
    await expect(
      page.getByTestId('node-mainMenu').locator('[data-port="1"] .cf-mark-coverage-uncovered').count(),
    ).resolves.toBe(0);
    await expect(page.getByTestId('rf__edge-e-mainMenu-invalid').getAttribute('class')).resolves.toContain(
      'cf-mark-coverage-uncovered',
    );
    await panel.getByRole('list', { name: 'Exits no test takes' }).getByText('Main menu → Invalid').waitFor();
    await expectAccessible(page);

    // The overlay switches off and on.
    await panel.getByRole('switch').click();
    await invalidPort.waitFor({ state: 'detached' });
    await panel.getByRole('switch').click();
    await invalidPort.waitFor({ state: 'attached' });

    // The publish dialog runs the tests again and shows the result with the coverage.
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: /\bPublish$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    await dialog.getByText(/^10 of 10 tests pass · coverage \d+%$/).waitFor({ timeout: 60_000 });
    await expect(dialog.getByRole('button', { name: 'Publish' }).isEnabled()).resolves.toBe(true);
    await expectAccessible(page);
  });

  it('a broken flow fails its tests; clicking a failing test marks expected and actual path on the canvas, closing the panel clears them', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Tests fail', template);
    // Break the flow: the main menu's key 2 now hangs up instead of checking the service desk hours.
    const broken = {
      ...flow.draft,
      edges: flow.draft.edges.map((e) => (e.id === 'e-mainMenu-2' ? { ...e, target: 'goodbye' } : e)),
    };
    await apiMutation(page, 'flows.saveDraft', { flowId: flow.id, document: broken, baseRevision: flow.revision });

    const panel = await openTests(page, flow.id);
    await panel.getByRole('button', { name: 'Run all tests' }).click();
    await panel.getByRole('status').filter({ hasText: '6 passed · 4 failed' }).waitFor({ timeout: 60_000 });
    const failing = panel.getByRole('button', { name: /^A billing call in service hours/ });
    await failing.click();

    const diff = panel.getByRole('region', { name: 'Expected and actual path' });
    await diff.waitFor();
    await diff.getByText('Expected to end at Customer service, but the call ended at Goodbye.').waitFor();
    await diff.getByText('Expected but not reached (red): Service desk hours, Customer service').waitFor();
    // Every call begins at the start node: it is not "reached but not expected".
    await diff.getByText('Reached but not expected (blue): Safety message, Goodbye', { exact: true }).waitFor();
    await panel.getByText(/Expected the call to end at "serviceQueue", but it ended at "goodbye"/).waitFor();
    await expect(classOf(page, 'node-serviceQueue')).resolves.toContain('cf-mark-testDiff-expected-only');
    await expect(classOf(page, 'node-serviceHours')).resolves.toContain('cf-mark-testDiff-expected-only');
    await expect(classOf(page, 'node-goodbye')).resolves.toContain('cf-mark-testDiff-actual-only');
    await expect(classOf(page, 'node-mainMenu')).resolves.toContain('cf-mark-testDiff-both');
    await expect(page.getByTestId('rf__edge-e-mainMenu-2').getAttribute('class')).resolves.toContain(
      'cf-mark-testDiff-actual',
    );
    await expectAccessible(page);

    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'hidden' });
    await expect(page.locator('[class*="cf-mark-testDiff-"]').count()).resolves.toBe(0);
  });

  it('a test is renamed, re-expected and deleted in the panel; the changes are saved with the draft and undo brings a deleted test back', async () => {
    const page = await studio.adminPage();
    const flow = await createFlow(page, 'Tests edited', template);
    const first = flow.draft.tests![0]!.name;
    const panel = await openTests(page, flow.id);

    await panel.getByRole('button', { name: `Edit “${first}”` }).click();
    const name = panel.getByLabel('Name', { exact: true });
    await name.fill('Shanghai night call');
    await name.press('Enter');
    // The form stays open under the renamed test.
    await panel.getByRole('button', { name: 'Edit “Shanghai night call”', expanded: true }).waitFor();
    await panel.getByLabel('Ends at').click();
    await chooseOption(page, 'Dispatch centre (dispatchQueue)');
    // An expected value that is not JSON is refused with a sentence and not saved.
    const district = panel.getByLabel('Value of district (JSON)');
    await district.fill('shanghai');
    await panel.getByRole('alert').filter({ hasText: 'Write a JSON value' }).waitFor();
    await district.fill('"pudong"');
    await district.press('Enter');
    await expectAccessible(page);

    await panel.getByRole('button', { name: 'Run all tests' }).click();
    await panel.getByRole('status').filter({ hasText: '9 passed · 1 failed' }).waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: 'Shanghai night call', exact: true }).click();
    await panel.getByText(/Expected the call to end at "dispatchQueue"/).waitFor();
    await panel.getByText('Expected the variable "district" to be "pudong", but it was "shanghai".').waitFor();

    await page.locator('[data-save-status="saved"]').waitFor({ timeout: 30_000 });
    let saved = await apiQuery<FlowRow>(page, 'flows.get', { flowId: flow.id });
    expect(saved.draft.tests![0]).toMatchObject({
      name: 'Shanghai night call',
      expect: { end: 'dispatchQueue', vars: { district: 'pudong' } },
    });

    await panel.getByRole('button', { name: 'Delete “Shanghai night call”' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await panel.getByRole('button', { name: 'Shanghai night call', exact: true }).waitFor({ state: 'detached' });
    await page.locator('[data-save-status="saved"]').waitFor({ timeout: 30_000 });
    saved = await apiQuery<FlowRow>(page, 'flows.get', { flowId: flow.id });
    expect(saved.draft.tests).toHaveLength(9);

    await page.getByRole('button', { name: 'Undo' }).click();
    await panel.getByRole('button', { name: 'Shanghai night call', exact: true }).waitFor();
    await expect(panel.getByRole('list', { name: 'Test cases' }).locator(':scope > li').count()).resolves.toBe(10);
  });
});
