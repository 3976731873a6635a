// Counts what a person does in a browser test: each click, drag and typed field is one action, as a person would
// count them (waiting for the page to answer is not an action). Tests that measure "how many steps" go through it.

import type { Locator } from 'playwright-core';

export class UserActions {
  count = 0;

  /** One click. */
  async click(target: Locator, options?: Parameters<Locator['click']>[0]): Promise<void> {
    this.count++;
    await target.click(options);
  }

  /** One typed field: the field is filled with `text`. */
  async fill(target: Locator, text: string): Promise<void> {
    this.count++;
    await target.fill(text);
  }

  /** One drag. */
  async drag(from: Locator, to: Locator, options?: Parameters<Locator['dragTo']>[1]): Promise<void> {
    this.count++;
    await from.dragTo(to, options);
  }
}
