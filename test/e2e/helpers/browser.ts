// Launches Debian's chromium through playwright-core with the flags a headless root run needs (STACK.md).

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const flags = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless chromium (playwright adds --no-sandbox and a fresh --user-data-dir). A missing browser is an error, never a skip. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No browser at ${chromiumPath}: install it with \`apt-get update && apt-get install -y chromium fonts-wqy-microhei\` (.ci/run does).`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: flags, timeout: 60_000 });
}
