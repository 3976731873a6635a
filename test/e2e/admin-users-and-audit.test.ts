// Browser (admin): create a user, change their role, disable them; the audit log shows it; a designer cannot open either page.

import { describe, expect, it } from 'vitest';
import { chooseOption } from './helpers/antd';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

describe('users and audit for admins', () => {
  const studio = useStudio();

  it('the admin creates a designer, makes them a tester, disables them, and finds each change in the audit log', async () => {
    const page = await studio.signedInPage();
    await studio.goto(page, '/admin/users');
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Name').fill('Wang Fang');
    await dialog.getByLabel('Email').fill('wang.fang@example.com');
    await dialog.getByLabel('First password').fill('a-long-password-1');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const row = page.getByRole('row', { name: /wang\.fang@example\.com/ });
    await row.waitFor();
    await expectAccessible(page);

    await row.getByLabel('Role of Wang Fang').click();
    await chooseOption(page, 'Tester');
    await page.getByText('Saved').last().waitFor();
    await row.getByRole('button', { name: 'Disable: wang.fang@example.com' }).click();
    await row.getByText('Disabled').waitFor();

    await studio.goto(page, '/admin/audit');
    for (const action of ['user.create', 'user.setRole', 'user.disable']) await page.getByText(action, { exact: true }).first().waitFor();
    await expectAccessible(page);
    await page.getByLabel('Action').fill('user.setRole');
    await expect.poll(() => page.getByText(/^user\./).count()).toBe(1);
  });

  it('a designer sees no admin menu and is told the users page needs the administrator role', async () => {
    const admin = await studio.signedInPage();
    await studio.goto(admin, '/admin/users');
    await admin.getByRole('button', { name: 'New user' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Name').fill('Designer Dai');
    await dialog.getByLabel('Email').fill('dai@example.com');
    await dialog.getByLabel('First password').fill('a-long-password-2');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await admin.getByRole('row', { name: /dai@example\.com/ }).waitFor();

    const page = await studio.newPage();
    await studio.signIn(page, { email: 'dai@example.com', password: 'a-long-password-2' });
    await expect(page.getByRole('navigation', { name: 'Main' }).getByText('Admin').count()).resolves.toBe(0);
    await studio.goto(page, '/admin/users');
    await page.getByText('This page needs the Administrator role or higher.').waitFor();
  });
});
