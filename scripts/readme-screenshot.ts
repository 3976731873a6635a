// Takes README's screenshot of the editor (docs/editor.png): a fresh studio, a flow from the e-commerce template, in chromium.
// Run with `npx tsx scripts/readme-screenshot.ts` after a `next build` (npm start or npm test builds it).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { apiMutation } from '../test/e2e/helpers/api';
import { launchBrowser } from '../test/e2e/helpers/browser';
import { startStudio, studioRoot } from '../test/e2e/helpers/studio-server';

const output = path.join(studioRoot, 'docs/editor.png');

const studio = await startStudio();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, locale: 'en-US' });
  await page.goto(`${studio.url}/sign-in`);
  await page.getByLabel('Email').fill(studio.admin.email);
  await page.getByLabel('Password').fill(studio.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/flows');
  const created = await apiMutation<{ id: string }>(page, 'flows.create', {
    name: 'Retail after-sales',
    template: 'ecommerce-after-sales',
  });
  await page.goto(`${studio.url}/flows/${created.id}`);
  // The canvas has drawn when React Flow's nodes are there; the inspector shows the flow settings with nothing selected.
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`Saved ${path.relative(studioRoot, output)}`);
} finally {
  await browser.close();
  await studio.stop();
}
