// antd specifics for browser tests: antd's visible dropdown options carry no ARIA role (its role="option" list is a
// zero-height copy for screen readers), so they are clicked by their class and text.

import type { Page } from 'playwright-core';

/** Clicks the visible option whose text matches `text` in the open antd Select dropdown. */
export async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}
