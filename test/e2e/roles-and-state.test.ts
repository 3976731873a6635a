// Roles and state that explain themselves: what each role may do where users are made, a read-only banner and a
// palette that looks disabled for viewers and testers, the draft against what the lines serve (with "discard draft
// changes"), and the starting page that names its phase and reloads itself.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { trustProxyFrom } from '../../schemas/trust-proxy';
import { listenStudioServer, listeningPort } from '../../app/_server/http/studio-server';
import type { FlowDocument } from '../../flow-engine/document';
import { apiMutation, apiQuery } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

interface FlowRow {
  id: string;
  revision: number;
  draft: FlowDocument;
}

let people = 0;

describe('roles and state that explain themselves', () => {
  const studio = useStudio();

  async function openEditor(page: Page, flowId: string) {
    await studio.goto(page, `/flows/${flowId}`);
    await page.locator('[aria-label="Flow canvas"]').waitFor();
    await page.getByTestId('node-start').waitFor();
  }

  async function signedInAs(role: 'viewer' | 'tester'): Promise<Page> {
    const admin = await studio.adminPage();
    const person = {
      name: `${role} ${++people}`,
      email: `${role}.${people}@example.com`,
      password: `a-long-${role}-password`,
      role,
    };
    await apiMutation(admin, 'users.create', person);
    const page = await studio.newPage();
    await studio.signIn(page, { email: person.email, password: person.password });
    return page;
  }

  it('the new-user form says what each role may do', async () => {
    const admin = await studio.adminPage();
    await studio.goto(admin, '/admin/users');
    await admin.getByRole('button', { name: 'New user' }).click();
    const help = admin.getByRole('dialog', { name: 'New user' }).getByRole('list', { name: 'What each role may do' });
    await help.waitFor();
    await expect(help.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Viewer: sees flows, versions, lines and resources and tries flows in the simulator; changes nothing.',
      'Tester: as Viewer, and writes, keeps and runs tests.',
      'Designer: as Tester, and edits and publishes flows, rolls back versions, and manages schedules, skill groups, agents and audio.',
      'Administrator: as Designer, and manages users, lines, integrations, settings and the audit log.',
    ]);
    await expectAccessible(admin);
  });

  it('viewers and testers see why they cannot change the design, and a palette that looks disabled', async () => {
    const admin = await studio.adminPage();
    const created = await apiMutation<{ id: string }>(admin, 'flows.create', { name: 'Read-only banner' });
    for (const [role, text] of [
      [
        'viewer',
        'You can look at this flow but not change it: your role is Viewer. An administrator can give you the Designer role.',
      ],
      ['tester', 'You can simulate calls and write tests, but not change the flow’s design: your role is Tester.'],
    ] as const) {
      const page = await signedInAs(role);
      await openEditor(page, created.id);
      await page.getByRole('status').filter({ hasText: text }).waitFor();
      const palette = page.getByRole('complementary', { name: 'Node palette' });
      await expect(palette.getAttribute('aria-disabled')).resolves.toBe('true');
      const opacity = await palette.evaluate((element) => Number(getComputedStyle(element).opacity));
      expect(opacity).toBeLessThan(1);
      await expectAccessible(page);
    }
    // A designer sees no such banner.
    await openEditor(admin, created.id);
    await expect(admin.getByText('your role is', { exact: false }).count()).resolves.toBe(0);
  });

  it('the editor shows when the draft differs from what the lines serve, and discarding puts the published version back (undo brings the changes back)', async () => {
    const admin = await studio.adminPage();
    const created = await apiMutation<{ id: string }>(admin, 'flows.create', { name: 'Draft against served' });
    await apiMutation(admin, 'versions.publish', { flowId: created.id, note: '' });
    const published = await apiQuery<FlowRow>(admin, 'flows.get', { flowId: created.id });
    await openEditor(admin, created.id);
    const differs = admin
      .getByRole('status')
      .filter({ hasText: /^The draft differs from version 1, which the lines are answering with\./ });
    await expect(differs.count()).resolves.toBe(0);

    await admin.getByTestId('node-end').click();
    await admin.getByLabel('Label', { exact: true }).fill('Changed since');
    await differs.waitFor();
    await admin.locator('[data-save-status="saved"]').waitFor({ timeout: 30_000 });
    await expectAccessible(admin);

    await differs.getByRole('button', { name: 'Discard draft changes' }).click();
    const confirm = admin.getByRole('dialog').filter({ hasText: 'Replace the draft with version 1?' });
    await confirm.waitFor();
    // The confirmation's default is Cancel.
    await admin.waitForFunction(() => document.activeElement?.textContent === 'Cancel');
    await confirm.getByRole('button', { name: 'Discard draft changes' }).click();
    await differs.waitFor({ state: 'detached' });
    await admin
      .getByRole('group', { name: `${published.draft.nodes.find((n) => n.id === 'end')!.label} (Hang up)` })
      .waitFor();
    const after = await apiQuery<FlowRow>(admin, 'flows.get', { flowId: created.id });
    expect(after.draft).toEqual(published.draft);

    await admin.getByRole('button', { name: 'Undo', exact: true }).click();
    await admin.getByRole('group', { name: 'Changed since (Hang up)' }).waitFor();
    await differs.waitFor();

    // After a rollback the lines answer the old document again: the editor, opened anew, says the draft differs from it.
    await admin.locator('[data-save-status="saved"]').waitFor({ timeout: 30_000 });
    await apiMutation(admin, 'versions.publish', { flowId: created.id, note: '' });
    await apiMutation(admin, 'versions.rollback', { flowId: created.id, version: 1, note: 'back' });
    await openEditor(admin, created.id);
    await admin
      .getByRole('status')
      .filter({ hasText: /^The draft differs from version 3, which the lines are answering with\./ })
      .waitFor();
  });

  it('the starting page names the start-up phase in the browser’s language and reloads itself into the studio', async () => {
    const starting = await listenStudioServer({ host: '127.0.0.1', port: 0, trustProxy: trustProxyFrom(undefined) });
    try {
      const page = await studio.newPage({ locale: 'zh-CN' });
      starting.setPhase('database');
      await page.goto(`http://127.0.0.1:${listeningPort(starting)}/flows`);
      await page.getByRole('heading', { name: 'Callflow Studio 正在启动' }).waitFor();
      await page.getByRole('status').filter({ hasText: '正在打开并更新数据库…' }).waitFor();
      await expectAccessible(page);
      // No reload from the test: the page follows the phase, then becomes what the server answers once ready.
      starting.setPhase('next');
      await page.getByRole('status').filter({ hasText: '正在启动网页工作室…' }).waitFor({ timeout: 30_000 });
      starting.serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          '<!doctype html><html lang="en"><head><title>Ready</title></head><body><main><h1>Studio ready</h1></main></body></html>',
        );
      });
      await page.getByRole('heading', { name: 'Studio ready' }).waitFor({ timeout: 30_000 });
    } finally {
      await starting.close();
    }
  });
});
