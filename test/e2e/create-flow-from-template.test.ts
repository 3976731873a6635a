// Browser: create a flow from a template after seeing what it installs; export, duplicate, archive and restore it.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

describe('create a flow from a template', () => {
  const studio = useStudio();

  it('the new-flow dialog previews what the template installs, then creates the flow and opens its editor route', async () => {
    const page = await studio.signedInPage();
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.getByRole('radio', { name: /Small business main line/ }).check();
    const preview = dialog.getByRole('region', { name: 'What this template sets up here' });
    await preview.getByText('Will be installed').waitFor();
    await expect(preview.getByText('cn-business-hours').isVisible()).resolves.toBe(true);
    // Choosing a template suggests its name.
    await expect(dialog.getByLabel('Name').inputValue()).resolves.toBe('Small business main line');
    await expectAccessible(page);
    await dialog.getByLabel('Name').fill('Lotus Print hotline');
    await dialog.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);

    await studio.goto(page, '/flows');
    const row = page.getByRole('row', { name: /Lotus Print hotline/ });
    await row.waitFor();
    await expect(row.getByText('Not published').isVisible()).resolves.toBe(true);
  });

  it('the created template installed its schedule: the schedules page lists cn-business-hours', async () => {
    const page = await studio.signedInPage();
    await studio.goto(page, '/resources/schedules');
    await page.getByRole('link', { name: 'cn-business-hours', exact: true }).waitFor();
  });

  it('export downloads canonical JSON; duplicate adds a copy; archive moves it to Archived and restore brings it back', async () => {
    const page = await studio.signedInPage();
    const row = page.getByRole('row', { name: /Lotus Print hotline/ }).first();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Export: Lotus Print hotline' }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { name: string; nodes: unknown[] };
    expect(exported.name).toBe('Lotus Print hotline');
    expect(exported.nodes.length).toBeGreaterThan(3);

    await row.getByRole('button', { name: 'Duplicate: Lotus Print hotline' }).click();
    const copy = page.getByRole('row', { name: /Lotus Print hotline \(copy\)/ });
    await copy.waitFor();
    await copy.getByRole('button', { name: 'Archive: Lotus Print hotline (copy)' }).click();
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await copy.waitFor({ state: 'detached' });
    await page.getByText(/^Archived \(1\)$/).click();
    const archived = page.getByRole('row', { name: /Lotus Print hotline \(copy\)/ });
    await archived.getByRole('button', { name: 'Restore: Lotus Print hotline (copy)' }).click();
    await archived.waitFor({ state: 'detached' });
    await page.getByText(/^Active \(2\)$/).waitFor();
  });

  it('searching narrows the list and says when nothing matches', async () => {
    const page = await studio.signedInPage();
    await page.getByLabel('Search flows').fill('no-such-flow');
    await page.getByText('No flow matches “no-such-flow”.').waitFor();
    await page.getByLabel('Search flows').fill('copy');
    await page.getByRole('row', { name: /Lotus Print hotline \(copy\)/ }).waitFor();
    // Only the copy matches "copy"; the original is filtered out.
    await expect.poll(() => page.getByRole('row', { name: /Lotus Print hotline/ }).count()).toBe(1);
  });

  it('importing an invalid flow file lists its problems and imports nothing; a valid file is imported and listed', async () => {
    const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
    const page = await studio.signedInPage();
    await page
      .locator('input[type=file]')
      .setInputFiles(fixture('app/import/invalid-dangling-edge-and-missing-prompt.json'));
    const refusal = page.getByRole('dialog').filter({ hasText: 'The file was not imported' });
    await refusal.getByText('2 problems in the file:', { exact: false }).last().waitFor();
    await expect(refusal.getByRole('listitem').count()).resolves.toBe(2);
    await refusal.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByRole('row', { name: /Two problems/ }).count()).resolves.toBe(0);

    await page.locator('input[type=file]').setInputFiles(fixture('flows/good/minimal.json'));
    await page.getByRole('row', { name: /Minimal/ }).waitFor();
  });
});
