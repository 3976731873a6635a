// Browser: a viewer renames themselves on "Your profile" (from their name in the top bar) within the name rule; and
// the sign-in page says, in the user's language, how long an account with too many failed sign-ins must wait.

import { describe, expect, it } from 'vitest';
import { apiMutation } from './helpers/api';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

describe('your profile and the failed sign-in limit', () => {
  const studio = useStudio();
  // Unique per attempt (the e2e project retries a failed test; names and emails are unique in the studio).
  const person = (name: string, email: string, run: string) => ({
    name: `${name} ${run}`,
    email: `${run}-${email}`,
    password: 'a long enough password',
    role: 'viewer',
  });
  const newRun = () => Math.random().toString(36).slice(2, 8);

  it('a viewer opens Your profile from the top bar, is told what a name may be, and renames themselves', async () => {
    const admin = await studio.adminPage();
    const run = newRun();
    const viewer = person('Vera Viewer', 'vera@example.com', run);
    await apiMutation(admin, 'users.create', viewer);

    const page = await studio.newPage();
    await studio.signIn(page, viewer);
    await page.getByRole('link', { name: `${viewer.name} · Viewer` }).click();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    await studio.hydrated(page);
    await expectAccessible(page);

    const name = page.getByLabel('Display name');
    const save = page.getByRole('button', { name: 'Save' });
    await name.fill('   ');
    await save.click();
    await page.getByText('Enter a name.').waitFor();
    // The server's rule: nobody else's name, in any case.
    await name.fill('administrator');
    await save.click();
    await page.getByText('Another user is already called “administrator”; choose a different name.').waitFor();
    // A click while the button still shows the last save's spinner is ignored (antd), as it would be for a person.
    await save.and(page.locator(':not(.ant-btn-loading)')).waitFor();

    await name.fill(`Vera  Vale ${run}`);
    await save.click();
    await page.getByText('Your name was saved.').waitFor();
    await page.getByRole('link', { name: `Vera Vale ${run} · Viewer` }).waitFor();
  });

  it('after 5 wrong passwords for one account the sign-in page says to wait 15 minutes, in Chinese too, even for the right password', async () => {
    const admin = await studio.adminPage();
    const viewer = person('Wes Wrong', 'wes@example.com', newRun());
    await apiMutation(admin, 'users.create', viewer);

    const page = await studio.newPage({ locale: 'zh-CN' });
    await studio.goto(page, '/sign-in');
    await page.getByLabel('邮箱').fill(viewer.email);
    const password = page.getByLabel('密码');
    const submit = page.getByRole('button', { name: '登录' });
    const submitAndWait = async () => {
      const [response] = await Promise.all([
        page.waitForResponse((answer) => new URL(answer.url()).pathname === '/api/auth/sign-in/email'),
        submit.click(),
      ]);
      return response.status();
    };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await password.fill(`wrong guess ${attempt}`);
      expect(await submitAndWait()).toBe(401);
      await page.getByRole('alert').filter({ hasText: '邮箱与密码不匹配任何账户。' }).waitFor();
    }
    await password.fill(viewer.password);
    expect(await submitAndWait()).toBe(429);
    await page.getByRole('alert').filter({ hasText: '该账户登录失败次数过多，请 15 分钟后再试。' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page);
  });
});
