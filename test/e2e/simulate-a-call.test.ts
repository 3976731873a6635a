// Browser: call a template flow in the simulate panel — keypad, a no-input timeout, a mocked http answer that picks a
// branch, and the call saved as a test that `callflow test` semantics replay identically.

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../flow-engine/document';
import { resolverFromBundle } from '../../flow-engine/resources';
import { checkExpectations, simulate } from '../../flow-engine/simulator';
import { apiMutation, apiQuery } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

interface FlowRow {
  id: string;
  draft: FlowDocument;
}

const CARD = '6225880123456783';

describe('simulate a call', () => {
  const studio = useStudio();
  // One flow from the bank card template for all tests.
  let flowId: string | undefined;

  async function editorWithPanel(): Promise<{ page: Page; panel: Locator }> {
    const page = await studio.adminPage();
    if (!flowId)
      flowId = (
        await apiMutation<{ id: string }>(page, 'flows.create', {
          name: 'Card line simulation',
          template: 'bank-card-services',
        })
      ).id;
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="Flow canvas"]').waitFor();
    await page.getByRole('button', { name: 'Simulate' }).click();
    const panel = page.getByRole('region', { name: 'Simulate a call' });
    await panel.waitFor();
    // The panel narrows the canvas: fit the view so every node is drawn (off-screen nodes are not rendered).
    await page.getByRole('button', { name: /fit view/i }).click();
    await panel.getByRole('tab', { name: 'Call setup' }).click();
    await panel.getByRole('radiogroup', { name: 'Language' }).getByText('en-US', { exact: true }).click();
    await expect(panel.getByRole('radio', { name: 'en-US' }).isChecked()).resolves.toBe(true);
    await panel.getByRole('tab', { name: 'Transcript' }).click();
    return { page, panel };
  }

  /** Starts the call paused: keys can be sent while the steps are revealed only on Continue (no countdown runs meanwhile). */
  async function startPaused(panel: Locator) {
    await panel.getByRole('button', { name: 'Start call' }).click();
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByRole('status').filter({ hasText: 'Waiting for keys at Main menu' }).waitFor();
  }

  async function keys(page: Page, panel: Locator, typed: string) {
    await panel.getByRole('group', { name: 'Keypad' }).focus();
    await page.keyboard.type(typed);
  }

  const status = (panel: Locator, text: string) =>
    panel.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 30_000 });
  const activeNode = (page: Page, id: string) =>
    page.locator(`[data-node-id="${id}"].cf-mark-simulation-active`).waitFor({ timeout: 30_000 });

  async function mockCrm(panel: Locator, body: string) {
    await panel.getByRole('tab', { name: 'Mocks' }).click();
    const mode = panel.getByRole('radiogroup', { name: 'Answer for Card CRM lookup' });
    await mode.getByText('Mock', { exact: true }).click();
    await panel.getByLabel('JSON body Card CRM lookup').fill(body);
    await panel.getByRole('tab', { name: 'Transcript' }).click();
  }

  /** With the CRM mocked to a diamond-tier answer: key 2, then the card number and #. */
  async function callAsDiamondCardholder(page: Page, panel: Locator) {
    await mockCrm(panel, `{"tier":"diamond","last4":"6783"}`);
    await startPaused(panel);
    await keys(page, panel, '2');
    await status(panel, 'Waiting for keys at Card number');
    await keys(page, panel, `${CARD}#`);
  }

  it('key 2 on the keypad moves the call to the card number: that node is highlighted and its prompt is in the transcript', async () => {
    const { page, panel } = await editorWithPanel();
    await startPaused(panel);
    await panel.getByRole('button', { name: 'Key 2' }).click();
    await status(panel, 'Waiting for keys at Card number');
    await panel.getByRole('button', { name: 'Continue' }).click();
    await activeNode(page, 'askCardNumber');
    await page.locator('[data-node-id="mainMenu"].cf-mark-simulation-visited').waitFor();
    await panel
      .getByText('To report a lost or stolen card or a suspicious transaction, press 1.', { exact: false })
      .waitFor();
    await panel.getByText('Please enter your credit card number, followed by the hash key.').waitFor();
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.getByText('Main menu → 2').waitFor();
    await expectAccessible(page);
  });

  it('silence at the main menu counts down and, skipped, leaves by noInput to the card services queue', async () => {
    const { page, panel } = await editorWithPanel();
    await panel.getByRole('button', { name: 'Start call' }).click();
    await panel.getByRole('timer').waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('timer').getAttribute('aria-label')).toMatch(/^No input in \d+ seconds?$/);
    // Each attempt of the menu times out (skipped, or run out on its own under load) until the menu gives up.
    for (let attempt = 0; attempt < 5; attempt++) {
      if (!(await panel.getByRole('status').textContent())?.includes('Main menu')) break;
      await panel
        .getByRole('button', { name: 'Skip (silence)' })
        .click({ timeout: 10_000 })
        .catch(() => undefined);
    }
    // Checked on every frame: "Call ended" shows only with the call's last lines, and the newest line is in view.
    const linesWhenEnded = await page.waitForFunction(
      () => {
        const text = document.querySelector('.cf-simulate .cf-sim-status')?.textContent ?? '';
        return text.startsWith('Call ended') ? document.querySelectorAll('.cf-simulate .cf-sim-line').length : 0;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    await status(panel, 'Call ended at Card services queue: answered in a queue');
    // Every step shown: Step has nothing left to show.
    await panel.locator('button:disabled').filter({ hasText: 'Step' }).waitFor();
    expect(await panel.locator('.cf-sim-line').count()).toBe(await linesWhenEnded.jsonValue());
    const panelBox = (await panel.boundingBox())!;
    const newest = (await panel.locator('.cf-sim-line').last().boundingBox())!;
    expect(newest.y + newest.height).toBeLessThanOrEqual(panelBox.y + panelBox.height + 1);
    expect(newest.y).toBeGreaterThanOrEqual(panelBox.y - 1);
    await activeNode(page, 'cardQueue');
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.getByText('Main menu → No input').waitFor();
  });

  it('a mocked CRM body with tier diamond takes the premier branch, and the card number stays masked in the variables', async () => {
    const { page, panel } = await editorWithPanel();
    await callAsDiamondCardholder(page, panel);
    // Paused, the rest of the call waits to be shown; "Call ended" comes with its last lines.
    await status(panel, 'Paused:');
    await panel.getByRole('button', { name: 'Continue' }).click();
    await status(panel, 'Call ended at Premier queue: answered in a queue');
    await activeNode(page, 'premierQueue');
    await panel.getByText('Thank you. Your card ending in 6783 is verified.', { exact: false }).waitFor();
    await panel.getByRole('tab', { name: 'Timeline' }).click();
    await panel.getByText('Premier cardholder? → premier').waitFor();
    await panel.getByRole('tab', { name: 'Variables' }).click();
    await panel.getByRole('row', { name: /tier/ }).getByText('"diamond"').waitFor();
    await expect(panel.getByRole('row', { name: /cardNumber/ }).textContent()).resolves.not.toContain(CARD);
  });

  let saves = 0;
  it('the call saved as a test lands in the flow document and replays to the same end', async () => {
    // A retry saves under a new name: the first attempt's test may already be in the draft.
    const name = `Diamond caller saved from the simulator ${++saves}`;
    const { page, panel } = await editorWithPanel();
    await callAsDiamondCardholder(page, panel);
    await panel.getByRole('button', { name: 'Continue' }).click();
    await status(panel, 'Call ended at Premier queue');
    await panel.getByRole('button', { name: 'Save as test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this call as a test' });
    await dialog.getByLabel('Test name').fill(name);
    await dialog.getByText('Ends at Premier queue (answered in a queue)').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save test' }).click();
    await page.getByText(`Test “${name}” added to the flow.`).waitFor();
    await page.locator('[data-save-status="saved"]').waitFor({ timeout: 30_000 });

    const draftOf = async () => (await apiQuery<FlowRow>(page, 'flows.get', { flowId })).draft;
    await expect
      .poll(async () => (await draftOf()).tests?.map((t) => t.name) ?? [], { timeout: 30_000 })
      .toContain(name);
    const flow = await draftOf();
    const saved = flow.tests!.find((t) => t.name === name)!;
    expect(saved.inputs).toEqual(['2', `${CARD}#`]);
    expect(saved.call).toMatchObject({ language: 'en-US', at: '2026-01-05T10:00:00+08:00' });
    expect(saved.mocks?.http?.crmLookup).toEqual({ status: 200, body: { tier: 'diamond', last4: '6783' } });
    expect(saved.expect).toMatchObject({
      end: 'premierQueue',
      reason: 'queued',
      vars: { tier: 'diamond', cardLast4: '6783' },
    });
    expect(saved.expect.visits).toContain('premierGreeting');

    // What `callflow test` would do with it: the same engine, the template's resources, every expectation met.
    const resources = resolverFromBundle({
      skillGroups: Object.fromEntries(['card-fraud', 'card-vip', 'card-services'].map((k) => [k, { name: k }])),
      integrations: { 'card-crm': { baseUrl: 'https://crm.example.com' } },
    });
    const trace = await simulate(flow, saved, { resources });
    expect(checkExpectations(saved, trace)).toEqual([]);
  });

  it('when an administrator keeps the CRM from real calls, the panel disables calling it and says why', async () => {
    // The flow (and with it the template's card-crm integration) exists once the editor has opened.
    const { page } = await editorWithPanel();
    const integrations = await apiQuery<{ id: string; key: string }[]>(page, 'resources.integrations.listDetails');
    const crm = integrations.find((row) => row.key === 'card-crm')!;
    await apiMutation(page, 'resources.integrations.update', { id: crm.id, allowSimulatorCalls: false });
    try {
      const { panel } = await editorWithPanel();
      await panel.getByRole('tab', { name: 'Mocks' }).click();
      const mode = panel.getByRole('radiogroup', { name: 'Answer for Card CRM lookup' });
      await expect(mode.getByRole('radio', { name: 'Call the real integration' }).isDisabled()).resolves.toBe(true);
      await panel
        .getByText('An administrator has turned off real calls to the integration “card-crm” from the simulator', {
          exact: false,
        })
        .waitFor();
    } finally {
      await apiMutation(page, 'resources.integrations.update', { id: crm.id, allowSimulatorCalls: true });
    }
  });
});
