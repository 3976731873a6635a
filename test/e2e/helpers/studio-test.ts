// One studio server and one browser per test file, a signed-in page in a line, and a screenshot of every open
// page when a test fails. Usage (see test/e2e/README.md):
//
//   const studio = useStudio();
//   it('…', async () => { const page = await studio.signedInPage(); … await expectAccessible(page); });

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startStudio, studioRoot, type StudioServer } from './studio-server';

/** Failure screenshots land here (git-ignored). */
export const screenshotDir = path.join(studioRoot, 'test/e2e/screenshots');

export interface PageOptions {
  /** The browser's language (Accept-Language and navigator.language); en-US unless given. */
  locale?: string;
  /** The browser's time zone (IANA name, e.g. 'Asia/Shanghai'); the machine's unless given. */
  timezoneId?: string;
}

export interface StudioHandle {
  readonly server: StudioServer;
  readonly browser: Browser;
  /** A page in a fresh browser context (own cookies), closed after the test. */
  newPage(options?: PageOptions): Promise<Page>;
  /** Navigates and waits until React has hydrated the page (typing before that is lost). */
  goto(page: Page, path: string): Promise<void>;
  /** Waits until the page's React has hydrated (after a full navigation such as a link click). */
  hydrated(page: Page): Promise<void>;
  /** Signs in on the sign-in page and waits for the flows list. */
  signIn(page: Page, credentials?: { email: string; password: string }): Promise<void>;
  /** newPage + signIn as the admin. */
  signedInPage(options?: PageOptions): Promise<Page>;
  /**
   * A page signed in as the admin on the flows list, sharing one session for the whole file (quicker: each sign-in
   * costs a scrypt hash; only failed sign-ins are limited, 5 per account in 15 minutes). Use signedInPage() for a test
   * that signs out.
   */
  adminPage(options?: PageOptions): Promise<Page>;
}

function fileSafe(text: string): string {
  return text
    .replace(/[^a-z0-9-]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
}

export function useStudio(): StudioHandle {
  let server: StudioServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let adminCookies: Awaited<ReturnType<BrowserContext['cookies']>> | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startStudio(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  // A failed test's pages are photographed before their contexts close.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      mkdirSync(screenshotDir, { recursive: true });
      const base = fileSafe(`${path.basename(task.file?.name ?? 'e2e', '.test.ts')}-${task.name}`);
      const pages = contexts.flatMap((context) => context.pages());
      await Promise.all(
        pages.map((page, index) =>
          page
            .screenshot({ path: path.join(screenshotDir, `${base}${index ? `-${index}` : ''}.png`), fullPage: true })
            .catch(() => undefined),
        ),
      );
    }
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    contexts = [];
  });

  const handle: StudioHandle = {
    get server() {
      if (!server)
        throw new Error('The studio is not running (useStudio() must be called at the top of a describe or file).');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser is not running.');
      return browser;
    },
    async newPage(options = {}) {
      const context = await handle.browser.newContext({
        baseURL: handle.server.url,
        locale: options.locale ?? 'en-US',
        ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
        viewport: { width: 1366, height: 860 },
      });
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      return context.newPage();
    },
    async goto(page, target) {
      await page.goto(target);
      await handle.hydrated(page);
    },
    async hydrated(page) {
      // Every page sets data-hydrated on <html> once React runs (app/_components/shell/page-marks.tsx).
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    },
    async signIn(page, credentials = handle.server.admin) {
      await handle.goto(page, '/sign-in');
      await page.getByLabel(/^(Email|邮箱)$/).fill(credentials.email);
      await page.getByLabel(/^(Password|密码)$/).fill(credentials.password);
      await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
      await page.waitForURL('**/flows');
      await handle.hydrated(page);
    },
    async signedInPage(options) {
      const page = await handle.newPage(options);
      await handle.signIn(page);
      return page;
    },
    async adminPage(options) {
      if (!adminCookies) {
        const page = await handle.signedInPage(options);
        adminCookies = await page.context().cookies();
        return page;
      }
      const page = await handle.newPage(options);
      await page.context().addCookies(adminCookies);
      await handle.goto(page, '/flows');
      return page;
    },
  };
  return handle;
}
