// Browser: the admin setting "require all tests to pass before publishing" — switched on the settings page, it
// disables Publish in the editor while a test fails, and the server refuses such a publish too (versions.publish).
// Needs the settings router (settings.get / settings.update) and the publish check from the engine9 branch.

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

describe('publishing requires passing tests when an admin says so', () => {
  const studio = useStudio();

  it('the setting is switched on the admin settings page; a flow with a failing test cannot be published until it is off again', async () => {
    const page = await studio.signedInPage();
    await studio.goto(page, '/admin/settings');
    const setting = page.getByRole('switch', { name: 'Require all tests to pass before publishing' });
    await expect(setting.getAttribute('aria-checked')).resolves.toBe('false');
    await expectAccessible(page);
    await setting.click();
    await page.getByText('Settings saved.').waitFor();
    await studio.goto(page, '/admin/settings');
    await expect(
      page.getByRole('switch', { name: 'Require all tests to pass before publishing' }).getAttribute('aria-checked'),
    ).resolves.toBe('true');
    await expect(apiQuery(page, 'settings.get')).resolves.toEqual({ requireTestsToPublish: true });

    // A flow whose menu keys 1 and 2 were swapped: still valid (every node reachable), but nine of its ten tests fail.
    const created = await apiMutation<{ id: string }>(page, 'flows.create', {
      name: 'Required tests',
      template: 'utility-emergency-line',
    });
    const flow = await apiQuery<FlowRow>(page, 'flows.get', { flowId: created.id });
    const swapped: Record<string, string> = { 'e-mainMenu-1': 'serviceHours', 'e-mainMenu-2': 'regionRoute' };
    const broken = {
      ...flow.draft,
      edges: flow.draft.edges.map((e) => (swapped[e.id] ? { ...e, target: swapped[e.id] } : e)),
    };
    await apiMutation(page, 'flows.saveDraft', { flowId: flow.id, document: broken, baseRevision: flow.revision });

    await studio.goto(page, `/flows/${flow.id}`);
    await page.getByTestId('node-mainMenu').waitFor();
    await page.getByRole('button', { name: /\bPublish$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    await dialog.getByText('1 of 10 tests pass', { exact: false }).waitFor({ timeout: 60_000 });
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'An administrator requires all tests to pass before publishing.' })
      .waitFor();
    await expect(dialog.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page);

    // The server refuses it too, naming the failing tests.
    await expect(apiMutation(page, 'versions.publish', { flowId: flow.id, note: 'should be refused' })).rejects.toThrow(
      /A billing call in service hours goes to customer service/,
    );

    await apiMutation(page, 'settings.update', { requireTestsToPublish: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /\bPublish$/ }).click();
    await dialog.getByText('1 of 10 tests pass', { exact: false }).waitFor({ timeout: 60_000 });
    await expect(dialog.getByRole('button', { name: 'Publish' }).isEnabled()).resolves.toBe(true);
  });
});
