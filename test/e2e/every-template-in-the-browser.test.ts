// Browser: every template, created as a new user would, is callable in the simulate panel and its own test cases all
// pass when run in the browser — shared resources (subflows, schedules, integrations by key) come from the server.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import type { FlowDocument } from '../../flow-engine/document';
import { apiMutation } from './helpers/api';
import { useStudio } from './helpers/studio-test';

const templatesDir = new URL('../../templates/', import.meta.url);
const templates = readdirSync(templatesDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, templatesDir), 'utf8')) as FlowDocument);

describe('every template in the browser', () => {
  const studio = useStudio();

  it.each(templates.map((t) => [t.id, t] as const))(
    '%s: a call starts and waits for the caller; all its tests pass',
    async (id, template) => {
      const page = await studio.adminPage();
      const created = await apiMutation<{ id: string }>(page, 'flows.create', { name: `Template ${id}`, template: id });
      await studio.goto(page, `/flows/${created.id}`);
      await page.locator('[aria-label="Flow canvas"]').waitFor();

      await page.getByRole('button', { name: 'Simulate' }).click();
      const simulate = page.getByRole('region', { name: 'Simulate a call' });
      await simulate.getByRole('button', { name: 'Start call' }).click();
      await simulate
        .getByRole('status')
        .filter({ hasText: /^Waiting for/ })
        .waitFor({ timeout: 60_000 });

      await page.getByRole('button', { name: /\bTests$/ }).click();
      const tests = page.getByRole('complementary', { name: 'Tests' });
      await tests.getByRole('button', { name: 'Run all tests' }).click();
      const count = template.tests?.length ?? 0;
      await tests
        .getByRole('status')
        .filter({ hasText: `${count} passed · 0 failed` })
        .waitFor({ timeout: 60_000 });
    },
  );
});
