// Browser: sign in as the printed admin, see the flows list, switch to Chinese and back; language from the browser.

import { describe, expect, it } from 'vitest';
import { expectAccessible } from './helpers/axe';
import { useStudio } from './helpers/studio-test';

describe('sign in and language', () => {
  const studio = useStudio();

  it('a visitor is sent to the sign-in page, which passes axe', async () => {
    const page = await studio.newPage();
    await studio.goto(page, '/');
    await page.waitForURL('**/sign-in');
    await expect(page.getByRole('heading', { name: 'Callflow Studio' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
  });

  it('a wrong password is refused with a message and no session', async () => {
    const page = await studio.newPage();
    await studio.goto(page, '/sign-in');
    await page.getByLabel('Email').fill(studio.server.admin.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'do not match' }).textContent()).resolves.toContain(
      'That email and password do not match an account.',
    );
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('the admin signs in, lands on the flows list with the navigation, and the page passes axe', async () => {
    const page = await studio.signedInPage();
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Lines' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
  });

  it('switching to 简体中文 shows Chinese text and keeps it after a reload; switching back shows English', async () => {
    const page = await studio.signedInPage();
    await page.getByRole('button', { name: /^English \(language\)$/ }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('heading', { name: '流程' }).waitFor();
    await expect(page.getByRole('button', { name: '新建流程' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.reload();
    await studio.hydrated(page);
    await page.getByRole('heading', { name: '流程' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: /^简体中文（语言）$/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
  });

  it('a browser that prefers Chinese gets the studio in Chinese without choosing', async () => {
    const page = await studio.newPage({ locale: 'zh-CN' });
    await studio.goto(page, '/sign-in');
    await page.getByRole('button', { name: '登录' }).waitFor();
    await studio.signIn(page);
    await page.getByRole('heading', { name: '流程' }).waitFor();
  });

  it('signing out returns to the sign-in page and the flows list is closed to the visitor', async () => {
    const page = await studio.signedInPage();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await studio.goto(page, '/flows');
    await page.waitForURL('**/sign-in');
  });
});
