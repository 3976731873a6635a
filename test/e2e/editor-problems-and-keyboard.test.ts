// Browser: the editor validates with the flow's resources (a template calling a subflow is clean and publishable);
// a problem takes you to its node and field; exits connect from the keyboard; the condition's CEL editor marks a
// parse error; the prompt preview speaks through the browser's speech synthesis.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from '../../flow-engine/document';
import { parseExpression } from '../../flow-engine/expression';
import { expectAccessible } from './helpers/axe';
import { apiMutation, apiQuery } from './helpers/api';
import { useStudio } from './helpers/studio-test';

interface FlowRow {
  id: string;
  revision: number;
  draft: FlowDocument;
}

describe('editor: problems, keyboard connections, CEL and speech', () => {
  const studio = useStudio();

  /** A flow from `template` (or blank) whose draft `change` edits before the editor opens. */
  async function flowWith(
    page: Page,
    name: string,
    template: string | undefined,
    change: (doc: FlowDocument) => void,
  ): Promise<FlowRow> {
    const created = await apiMutation<{ id: string }>(page, 'flows.create', template ? { name, template } : { name });
    const flow = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
    change(flow.draft);
    await apiMutation(page, 'flows.saveDraft', { flowId: flow.id, document: flow.draft, baseRevision: flow.revision });
    return apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
  }

  async function openEditor(page: Page, flowId: string) {
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="Flow canvas"]').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
  }

  const nodeOf = (doc: FlowDocument, id: string): FlowNode => doc.nodes.find((n) => n.id === id)!;
  const draftOf = async (page: Page, flowId: string) => (await apiQuery<FlowRow>(page, 'flows.get', { flowId })).draft;

  async function savedDraft(page: Page, flowId: string, check: (doc: FlowDocument) => boolean): Promise<FlowDocument> {
    let last: FlowDocument | undefined;
    for (let attempt = 0; attempt < 60; attempt++) {
      last = await draftOf(page, flowId);
      if (check(last)) return last;
      await page.waitForTimeout(500);
    }
    throw new Error(`The saved draft never matched; its edges: ${JSON.stringify(last?.edges)}`);
  }

  it('the e-commerce template, which calls the identify-caller subflow, shows no errors and can be published', async () => {
    const page = await studio.adminPage();
    // One deliberate warning (a prompt in an undeclared language): the count shows once validation has really run.
    const flow = await flowWith(page, 'Shop after-sales', 'ecommerce-after-sales', (doc) => {
      (nodeOf(doc, 'welcome').config.prompt as { tts: Record<string, string> }).tts['fr-FR'] = 'Bonjour';
    });
    await openEditor(page, flow.id);
    await page.getByRole('button', { name: '0 errors · 1 warning' }).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Publish' }).isEnabled()).resolves.toBe(true);
    await page.getByRole('button', { name: '0 errors · 1 warning' }).click();
    const problems = page.getByRole('region', { name: 'Problems' });
    await problems.getByText(/fr-FR, which is not one of the flow's languages/).waitFor();
    await expect(
      problems.getByText(/is not .* node of this flow|not defined in this environment/).count(),
    ).resolves.toBe(0);
    await expect(
      page
        .getByTestId('node-identifyCaller')
        .getByLabel(/errors?$/)
        .count(),
    ).resolves.toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByRole('dialog', { name: 'Publish a new version' })
      .getByRole('button', { name: 'Publish', exact: true })
      .click();
    await expect
      .poll(
        async () =>
          (await apiQuery<{ versions: unknown[] }>(page, 'versions.list', { flowId: flow.id })).versions.length,
        { timeout: 60_000 },
      )
      .toBe(1);
  });

  it('clicking a problem selects its node, brings it into view and puts the caret in the field it is about', async () => {
    const page = await studio.adminPage();
    const flow = await flowWith(page, 'Problem click', 'ecommerce-after-sales', (doc) => {
      delete (nodeOf(doc, 'goodbye').config.prompt as { tts: Record<string, string> }).tts['en-US'];
    });
    await openEditor(page, flow.id);
    await page.getByRole('button', { name: /^1 error · 0 warnings$/ }).click({ timeout: 60_000 });
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');
    await page
      .getByRole('region', { name: 'Problems' })
      .getByRole('button')
      .filter({ hasText: /has no text for en-US/ })
      .click();

    const inspector = page.getByRole('region', { name: 'Node settings' });
    await inspector.and(page.locator('[data-node-id="goodbye"]')).waitFor();
    await page.locator('.react-flow__node.selected [data-testid="node-goodbye"]').waitFor();
    // Framed: the view moved and the node now lies inside the canvas.
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
    const canvas = (await page.locator('[aria-label="Flow canvas"]').boundingBox())!;
    await expect
      .poll(async () => {
        const box = await page.getByTestId('node-goodbye').boundingBox();
        return (
          !!box &&
          box.x >= canvas.x &&
          box.y >= canvas.y &&
          box.x + box.width <= canvas.x + canvas.width &&
          box.y + box.height <= canvas.y + canvas.height
        );
      })
      .toBe(true);
    // The focus is in the prompt field the problem names.
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('[data-path]')?.getAttribute('data-path') ?? null),
      )
      .toBe('/config/prompt');
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('[data-node-id]')?.getAttribute('data-node-id') ?? null),
      )
      .toBe('goodbye');
    await expectAccessible(page);
  });

  it('a keyboard user connects, re-points and disconnects a menu key from the inspector', async () => {
    const page = await studio.adminPage();
    const flow = await flowWith(page, 'Keyboard connect', undefined, (doc) => {
      doc.nodes.push({
        id: 'menu',
        type: 'menu',
        label: 'Main menu',
        position: { x: 300, y: 0 },
        config: { prompt: { tts: { 'en-US': 'Press 1 for sales.' } }, options: [{ key: '1', label: 'Sales' }] },
      });
      doc.edges = [{ id: 'start-next', source: 'start', port: 'next', target: 'menu' }];
    });
    await openEditor(page, flow.id);
    // Find the menu with Ctrl+F and Enter: no pointer involved.
    await page.keyboard.press('Control+f');
    await page.getByLabel('Find by label, id, prompt text or variable').fill('Main menu');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Node settings' }).and(page.locator('[data-node-id="menu"]')).waitFor();
    const connections = page.getByRole('region', { name: 'Connections' });
    const key1 = connections.getByRole('combobox', { name: '“1 · Sales” leads to' });
    await key1.focus();
    await page.keyboard.type('Hang');
    await page.keyboard.press('Enter');
    let draft = await savedDraft(page, flow.id, (d) => d.edges.some((e) => e.source === 'menu' && e.port === '1'));
    expect(draft.edges.filter((e) => e.source === 'menu' && e.port === '1').map((e) => e.target)).toEqual(['end']);
    // Two edges now leave or enter the canvas's menu: start → menu and menu → end.
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expectAccessible(page);

    const noInput = connections.getByRole('combobox', { name: '“No input” leads to' });
    await noInput.focus();
    await page.keyboard.type('Hang');
    await page.keyboard.press('Enter');
    await savedDraft(page, flow.id, (d) =>
      d.edges.some((e) => e.source === 'menu' && e.port === 'noInput' && e.target === 'end'),
    );

    // Re-point key 1 at the menu itself, keeping its edge id, then disconnect it.
    const edgeId = draft.edges.find((e) => e.source === 'menu' && e.port === '1')!.id;
    await key1.focus();
    await page.keyboard.type('Main');
    await page.keyboard.press('Enter');
    draft = await savedDraft(page, flow.id, (d) =>
      d.edges.some((e) => e.source === 'menu' && e.port === '1' && e.target === 'menu'),
    );
    expect(draft.edges.find((e) => e.source === 'menu' && e.port === '1')?.id).toBe(edgeId);
    await key1.focus();
    await page.keyboard.type('Not connected');
    await page.keyboard.press('Enter');
    draft = await savedDraft(page, flow.id, (d) => !d.edges.some((e) => e.source === 'menu' && e.port === '1'));
    expect(draft.edges).toContainEqual(expect.objectContaining({ source: 'menu', port: 'noInput' }));
  });

  it('the condition’s expression mode (Monaco) marks a CEL parse error inline with the engine’s message', async () => {
    const page = await studio.adminPage();
    const flow = await flowWith(page, 'CEL errors', 'ecommerce-after-sales', () => {});
    await openEditor(page, flow.id);
    await page.getByTestId('node-statusCheck').click();
    const inspector = page.getByRole('region', { name: 'Node settings' });
    await inspector.and(page.locator('[data-node-id="statusCheck"]')).waitFor();
    // antd draws the radio buttons as labels over hidden inputs: click the label.
    await inspector
      .locator('label.ant-radio-button-wrapper')
      .filter({ hasText: /^Expression$/ })
      .first()
      .click();
    await expect(inspector.getByRole('radio', { name: 'Expression' }).first().isChecked()).resolves.toBe(true);
    const editor = inspector.getByTestId('cel-editor').first();
    await editor.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    // An error while typing is most often at the end: "ends too early".
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' &&');
    const source = async () => (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ').trim();
    await expect.poll(source).toMatch(/&&$/);
    const atEnd = parseExpression(await source());
    if (atEnd.ok) throw new Error('the typed expression should not parse');
    // Monaco's squiggle from the parser's marker, and the same message under the editor.
    await editor.locator('.squiggly-error').first().waitFor();
    await inspector.getByRole('alert').filter({ hasText: atEnd.error.message }).first().waitFor();

    // An error in the middle of the expression. Spaces and Backspace are the editor's, not the canvas's (Space pans,
    // Backspace deletes the selected node there).
    await page.keyboard.press('Control+a');
    await page.keyboard.type('orderStatus == == 12');
    await page.keyboard.press('Backspace');
    await expect.poll(source).toBe('orderStatus == == 1');
    await expect(page.getByTestId('node-statusCheck').count()).resolves.toBe(1);
    const inMiddle = parseExpression('orderStatus == == 1');
    if (inMiddle.ok) throw new Error('the typed expression should not parse');
    await inspector.getByRole('alert').filter({ hasText: inMiddle.error.message }).first().waitFor();
    await editor.locator('.squiggly-error').first().waitFor();
    await expectAccessible(page);
  });

  it('the prompt preview speaks the text through speechSynthesis in the prompt’s language', async () => {
    const page = await studio.adminPage();
    // Record what the page asks the browser to say instead of saying it.
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) =>
        void spoken.push({ text: utterance.text, lang: utterance.lang });
    });
    const flow = await flowWith(page, 'Speech preview', 'ecommerce-after-sales', () => {});
    await openEditor(page, flow.id);
    await page.getByTestId('node-welcome').click();
    const inspector = page.getByRole('region', { name: 'Node settings' });
    await inspector.and(page.locator('[data-node-id="welcome"]')).waitFor();
    await inspector.getByRole('button', { name: 'Listen in en-US' }).first().click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken))
      .toEqual([{ text: 'Thank you for calling YouXuan Mall after-sales support.', lang: 'en-US' }]);
    await expectAccessible(page);
  });
});
