// Browser: bind a phone number to a published flow (latest, then a pinned version), disable it, delete it.

import { describe, expect, it } from 'vitest';
import { apiMutation } from './helpers/api';
import { chooseOption } from './helpers/antd';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

describe('bind a line', () => {
  const studio = useStudio();

  it('a line is created for a published flow following "latest", shown in the table, re-bound to version 1, disabled and deleted', async () => {
    const page = await studio.signedInPage();
    const flow = await apiMutation<{ id: string }>(page, 'flows.create', {
      name: 'Front desk',
      template: 'small-business',
    });
    await apiMutation(page, 'versions.publish', { flowId: flow.id, note: 'First version' });

    await studio.goto(page, '/lines');
    await page.getByText('No lines yet', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'New line' }).click();
    const dialog = page.getByRole('dialog', { name: 'New line' });
    await dialog.getByLabel('Number').fill('4008001234');
    await dialog.getByLabel('Label').fill('Main number');
    await dialog.getByLabel('Flow').click();
    await chooseOption(page, /Front desk/);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save' }).click();

    const row = page.getByRole('row', { name: /4008001234/ });
    await row.waitFor();
    await expect(row.getByText('Latest').isVisible()).resolves.toBe(true);
    await expect(row.getByRole('link', { name: 'Front desk' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await row.getByRole('button', { name: 'Edit: 4008001234' }).click();
    const edit = page.getByRole('dialog', { name: 'Line 4008001234' });
    await edit.getByLabel('Version').click();
    await chooseOption(page, 'Version 1 — First version');
    await edit.getByRole('button', { name: 'Save' }).click();
    await row.getByText('Version 1').waitFor();

    const toggle = row.getByRole('switch', { name: 'Line 4008001234 enabled' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');

    await row.getByRole('button', { name: 'Delete: 4008001234' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('a flow without a published version cannot take a line: the server says why', async () => {
    const page = await studio.signedInPage();
    await apiMutation(page, 'flows.create', { name: 'Draft only' });
    await studio.goto(page, '/lines');
    await page.getByRole('button', { name: 'New line' }).click();
    const dialog = page.getByRole('dialog', { name: 'New line' });
    await dialog.getByLabel('Number').fill('4008005678');
    await dialog.getByLabel('Flow').click();
    await chooseOption(page, /Draft only/);
    await dialog.getByText('This flow has no published version yet', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText('has no published version yet; publish it before binding a line to it.', { exact: false })
      .last()
      .waitFor();
  });
});
