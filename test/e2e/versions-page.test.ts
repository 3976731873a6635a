// Browser: a flow's versions page — history with the lines served, both diffs of two versions, bind a line, roll back.

import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../flow-engine/document';
import { apiMutation, apiQuery } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

type FlowRow = { id: string; revision: number; draft: FlowDocument };

describe('versions page', () => {
  const studio = useStudio();

  it('shows v1 and v2 with their lines, diffs them as JSON and by caller experience, binds a line to latest and rolls back', async () => {
    const page = await studio.signedInPage();
    // Set-up through the API: a flow from a template, published twice with a changed menu prompt, a line pinned to v1.
    const created = await apiMutation<FlowRow>(page, 'flows.create', {
      name: 'Versions e2e',
      template: 'small-business',
    });
    await apiMutation(page, 'versions.publish', { flowId: created.id, note: 'First release' });
    const current = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
    const draft = structuredClone(current.draft);
    const menu = draft.nodes.find((n) => n.id === 'mainMenu')!;
    (menu.config.prompt as { tts: Record<string, string> }).tts['en-US'] =
      'Welcome to Lotus Print, version two. Press 1 for orders.';
    await apiMutation(page, 'flows.saveDraft', { flowId: created.id, document: draft, baseRevision: current.revision });
    await apiMutation(page, 'versions.publish', { flowId: created.id, note: 'New greeting' });
    await apiMutation(page, 'lines.create', {
      number: '+862155550001',
      flowId: created.id,
      version: 1,
      label: 'Shop line',
    });

    await page.goto(`/flows/${created.id}/versions`);
    await page.getByRole('heading', { name: 'Versions of “Versions e2e”' }).waitFor();
    const rowOf = (version: number) =>
      page.getByRole('row').filter({ has: page.getByRole('cell', { name: new RegExp(`^v${version}( latest)?$`) }) });
    await rowOf(2).getByText('New greeting').waitFor();
    await expect(rowOf(1).getByText('+862155550001').isVisible()).resolves.toBe(true);
    await expect(rowOf(2).getByText('+862155550001').count()).resolves.toBe(0);

    // Both diffs of v1 → v2: Monaco's side-by-side JSON diff with the changed prompt, and the caller-experience review.
    const jsonDiff = page.getByTestId('json-diff');
    await jsonDiff.and(page.locator('[data-changes]')).waitFor({ timeout: 60_000 });
    expect(Number(await jsonDiff.getAttribute('data-changes'))).toBeGreaterThan(0);
    await jsonDiff.locator('.modified').getByText('version two', { exact: false }).first().waitFor();
    await jsonDiff
      .locator('.original')
      .getByText('Thank you for calling Lotus Print', { exact: false })
      .first()
      .waitFor();
    const review = page.getByTestId('caller-review');
    await review.getByText('Welcome to Lotus Print, version two. Press 1 for orders.').waitFor();
    await expect(review.getByText('Main menu prompt [en-US]', { exact: false }).isVisible()).resolves.toBe(true);
    const link = review.getByRole('link', { name: 'Show on canvas: Main menu' });
    expect(await link.getAttribute('href')).toBe(`/flows/${created.id}?highlight=mainMenu`);
    await expectAccessible(page);

    // Bind the line to latest: it now serves v2.
    // antd draws its options in a virtual list (the role=option elements are for screen readers only): search and Enter.
    const lineSelect = page.getByRole('combobox', { name: 'Line', exact: true });
    await lineSelect.click();
    await lineSelect.fill('862155550001');
    await lineSelect.press('Enter');
    await page
      .getByTitle(/\+862155550001 · Shop line/)
      .first()
      .waitFor();
    // The version defaults to latest.
    await page.getByTitle('Latest — follows every publish').waitFor();
    await page.getByRole('button', { name: 'Bind', exact: true }).click();
    await page.getByText('Line +862155550001 now answers with latest.').waitFor();
    await rowOf(2).getByText('+862155550001').waitFor();
    const lines = await apiQuery<{ number: string; version: number | null }[]>(page, 'versions.lines', {
      flowId: created.id,
    });
    expect(lines).toEqual([expect.objectContaining({ number: '+862155550001', version: null })]);

    // Roll back to v1 with a note: v3 is published with v1's document and the line (latest) follows it.
    await rowOf(1).getByRole('button', { name: 'Roll back to version 1' }).click();
    await page.getByRole('textbox', { name: 'Why (optional)' }).fill('Callers missed the old greeting');
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    await page.getByText('Published as version 3.').waitFor();
    await rowOf(3).getByText('Rollback to v1: Callers missed the old greeting').waitFor();
    await rowOf(3).getByText('+862155550001').waitFor();
    const v3 = await apiQuery<{ document: FlowDocument }>(page, 'versions.get', { flowId: created.id, version: 3 });
    const v3Menu = v3.document.nodes.find((n) => n.id === 'mainMenu')!;
    expect((v3Menu.config.prompt as { tts: Record<string, string> }).tts['en-US']).toMatch(
      /^Thank you for calling Lotus Print/,
    );
  });

  it('compares the newest version with the draft when there is only one version', async () => {
    const page = await studio.signedInPage();
    const created = await apiMutation<FlowRow>(page, 'flows.create', {
      name: 'Draft compare e2e',
      template: 'small-business',
    });
    await apiMutation(page, 'versions.publish', { flowId: created.id, note: '' });
    const current = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
    const draft = structuredClone(current.draft);
    draft.edges = draft.edges.map((e) => (e.id === 'e-mainMenu-2' ? { ...e, target: 'receptionTransfer' } : e));
    await apiMutation(page, 'flows.saveDraft', { flowId: created.id, document: draft, baseRevision: current.revision });
    await page.goto(`/flows/${created.id}/versions`);
    const review = page.getByTestId('caller-review');
    await review.getByText('Main menu key 2 (Accounts): leads to Reception instead of Accounts').waitFor();
    await page.getByRole('heading', { name: 'JSON: Version 1 → Draft' }).waitFor();
    await page.getByTestId('json-diff').and(page.locator('[data-changes]')).waitFor({ timeout: 60_000 });
  });
});
