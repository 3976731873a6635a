// Browser: the JSON view shows the whole draft in Monaco; an edit that fits the schema is applied to the canvas and saved,
// a schema misfit or a syntax error is refused with a clear message and changes nothing.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowDocument } from '../../flow-engine/document';
import { apiMutation, apiQuery } from './helpers/api';
import { useStudio } from './helpers/studio-test';

type FlowRow = { id: string; revision: number; draft: FlowDocument };

/** Monaco's own find / replace widget (Ctrl+H), as an admin would use it. */
async function replaceAll(page: Page, find: string, replace: string) {
  await page.getByTestId('json-view').locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+h');
  const findInput = page.getByRole('textbox', { name: 'Find' });
  await findInput.fill(find);
  await page.getByRole('textbox', { name: 'Replace' }).fill(replace);
  await page.getByRole('button', { name: /^Replace All/ }).click();
  await page.keyboard.press('Escape');
}

describe('JSON view', () => {
  const studio = useStudio();

  it('applies an edit that fits the schema, refuses a schema misfit and a syntax error', async () => {
    const page = await studio.signedInPage();
    const flow = await apiMutation<FlowRow>(page, 'flows.create', {
      name: 'JSON view e2e',
      template: 'small-business',
    });
    await page.goto(`/flows/${flow.id}`);
    await page.getByRole('button', { name: /\bJSON$/ }).click();
    await page.getByTestId('json-view').locator('.monaco-editor').waitFor({ timeout: 60_000 });

    await replaceAll(page, '"name": "JSON view e2e"', '"name": "Renamed in JSON"');
    await page.getByText('Edited — not applied yet').waitFor();
    await page.getByRole('button', { name: 'Apply to the canvas' }).click();
    await page.getByText('Applied to the canvas.').waitFor();
    let saved = await apiQuery<FlowRow>(page, 'flows.get', { flowId: flow.id });
    for (let attempt = 0; attempt < 60 && saved.draft.name !== 'Renamed in JSON'; attempt++) {
      await page.waitForTimeout(500);
      saved = await apiQuery<FlowRow>(page, 'flows.get', { flowId: flow.id });
    }
    expect(saved.draft.name).toBe('Renamed in JSON');

    await replaceAll(page, '"schemaVersion": 1', '"schemaVersion": 2');
    await page.getByRole('button', { name: 'Apply to the canvas' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'does not fit the flow schema' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('/schemaVersion');

    await replaceAll(page, '"schemaVersion": 2', '"schemaVersion": 1,,');
    await page.getByRole('button', { name: 'Apply to the canvas' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /The JSON is not valid at line \d+, column \d+/ })
      .waitFor();

    const after = await apiQuery<FlowRow>(page, 'flows.get', { flowId: flow.id });
    expect(after.draft.schemaVersion).toBe(1);
    expect(after.draft.name).toBe('Renamed in JSON');
  });
});
