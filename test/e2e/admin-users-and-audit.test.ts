// Browser (admin): create a user, change their role, disable them; the audit log shows it; a designer cannot open either page;
// the admin sets a new password for a user, who then signs in with it (in English and Chinese).

import { describe, expect, it } from 'vitest';
import { chooseOption } from './helpers/antd';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

describe('users and audit for admins', () => {
  const studio = useStudio();
  // The admin's one session (studio.adminPage): the tests below sign in other users too, within sign-in's limit.
  const adminPage = (locale?: string) => studio.adminPage(locale ? { locale } : undefined);

  it('the admin creates a designer, makes them a tester, disables them, and finds each change in the audit log', async () => {
    const page = await adminPage();
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
    // Actions in words, the target by its name; the filter still takes the action's code.
    for (const action of ['User created', 'User role changed', 'User disabled']) {
      await page
        .getByRole('row', { name: new RegExp(`${action}.*User “Wang Fang”`) })
        .first()
        .waitFor();
    }
    await expectAccessible(page);
    await page.getByLabel('Action').fill('user.setRole');
    await expect.poll(() => page.locator('[data-action^="user."]').count()).toBe(1);
  });

  it('a designer sees no admin menu and is told the users page needs the administrator role', async () => {
    const admin = await adminPage();
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

  it("the admin resets a user's password: the form checks both fields, the old password stops working, the new one signs in", async () => {
    const admin = await adminPage();
    await studio.goto(admin, '/admin/users');
    await admin.getByRole('button', { name: 'New user' }).click();
    const create = admin.getByRole('dialog', { name: 'New user' });
    await create.getByLabel('Name').fill('Li Na');
    await create.getByLabel('Email').fill('li.na@example.com');
    await create.getByLabel('First password').fill('first-password-li');
    await create.getByRole('button', { name: 'Create' }).click();
    const row = admin.getByRole('row', { name: /li\.na@example\.com/ });
    await row.waitFor();

    await row.getByRole('button', { name: 'Reset password: li.na@example.com' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New password for Li Na' });
    await dialog.getByLabel('New password', { exact: true }).fill('short');
    await dialog.getByLabel('Repeat the new password').fill('different');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await dialog.getByText('The password needs 12 to 128 characters.').waitFor();
    await dialog.getByText('The two passwords differ.').waitFor();
    await expectAccessible(admin);
    await dialog.getByLabel('New password', { exact: true }).fill('second-password-li');
    await dialog.getByLabel('Repeat the new password').fill('second-password-li');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await admin.getByText('New password set for li.na@example.com.').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const old = await studio.newPage();
    await studio.goto(old, '/sign-in');
    await old.getByLabel('Email').fill('li.na@example.com');
    await old.getByLabel('Password').fill('first-password-li');
    await old.getByRole('button', { name: 'Sign in' }).click();
    await old.getByRole('alert').waitFor();
    expect(old.url()).toContain('/sign-in');

    const user = await studio.newPage();
    await studio.signIn(user, { email: 'li.na@example.com', password: 'second-password-li' });
    await studio.goto(admin, '/admin/audit');
    await admin
      .locator('[data-action="user.resetPassword"]')
      .getByText('Password reset', { exact: true })
      .first()
      .waitFor();
  });

  it('the reset dialog is translated for a Chinese admin', async () => {
    const page = await adminPage('zh-CN');
    await studio.goto(page, '/admin/users');
    await page.getByRole('button', { name: '重置密码: li.na@example.com' }).click();
    const dialog = page.getByRole('dialog', { name: '为 Li Na 设置新密码' });
    await dialog.getByRole('button', { name: '设置密码' }).click();
    await dialog.getByText('密码需要 12 到 128 个字符。').waitFor();
    await expectAccessible(page);
  });
});
