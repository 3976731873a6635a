// `npx tsx bench/studio-drag-profile.ts`: where a drag on the 1,000-node flow spends its time, in the editor and on the
// bare React Flow page, at fit zoom (FIT=0: the initial view). Prints the browser's own counters over the drag
// (script, style recalculation, layout; Performance.getMetrics) and the CPU profile's self time by function.

import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/helpers/browser';
import { startStudio } from '../test/e2e/helpers/studio-server';
import { currentView, dragFrameRate, importBenchFlow, serveBarePage, settle, timeToInteractive } from './studio-canvas';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

type Cookies = Parameters<BrowserContext['addCookies']>[0];
const counters = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'];

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the protocol's answer is typed loosely; this is its shape
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.filter((m) => counters.includes(m.name)).map((m) => [m.name, m.value * 1000]));
}

async function profileDrag(page: Page, cdp: CDPSession, label: string): Promise<void> {
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const before = await metrics(cdp);
  await cdp.send('Profiler.start');
  const drag = await dragFrameRate(page);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const after = await metrics(cdp);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFn = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byId.get(profile.samples[i]!)!.callFrame;
    const file = frame.url ? new URL(frame.url).pathname.split('/').pop() : '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}:${frame.columnNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const view = await currentView(page);
  console.log(
    `\n== ${label}: ${drag.fps.toFixed(1)} frames/s (${drag.frameMs.toFixed(1)} ms), zoom ${view.zoom.toFixed(2)}, ${await page.locator('.react-flow__node').count()} nodes drawn`,
  );
  console.log(counters.map((c) => `${c} ${(after[c]! - before[c]!).toFixed(0)} ms`).join(', '));
  console.log(
    [...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n'),
  );
}

async function open(
  browser: Browser,
  url: string,
  cookies: Cookies,
): Promise<{ page: Page; cdp: CDPSession; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await timeToInteractive(page, url);
  return { page, cdp: await context.newCDPSession(page), context };
}

async function main() {
  const fit = process.env.FIT !== '0';
  const [server, browser] = await Promise.all([startStudio(), launchBrowser()]);
  try {
    const { flow, editorUrl, cookies } = await importBenchFlow(browser, server, 1000);
    const bare = await serveBarePage(flow);
    try {
      for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
        const editor = await open(browser, editorUrl, cookies);
        if (fit) {
          await editor.page.getByRole('button', { name: 'Fit view: show the whole flow' }).click();
          await settle(editor.page);
        }
        const view = await currentView(editor.page);
        await profileDrag(editor.page, editor.cdp, `editor ${fit ? 'fit' : 'initial'} view`);
        await editor.context.close();
        const baseline = await open(browser, bare.url, []);
        await baseline.page.evaluate(
          (v) => (window as unknown as { __match(view: unknown): Promise<void> }).__match(v),
          view,
        );
        await settle(baseline.page);
        await profileDrag(baseline.page, baseline.cdp, 'bare page, same size and viewport');
        await baseline.context.close();
      }
    } finally {
      bare.server.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
