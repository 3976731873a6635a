// `npx tsx bench/studio-profile.ts`: where the editor's 1,000-node load spends its time, beside the bare page.
// Prints navigation timing (server answer, scripts, first node) and the CPU profile's self time by script and function.

import { writeFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';
import { launchBrowser } from '../test/e2e/helpers/browser';
import { startStudio } from '../test/e2e/helpers/studio-server';
import { importBenchFlow, serveBarePage, timeToInteractive, warmUp } from './studio-canvas';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

async function profileLoad(
  browser: Browser,
  url: string,
  cookies: Parameters<import('playwright-core').BrowserContext['addCookies']>[0],
  label: string,
) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const tti = await timeToInteractive(page, url);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
  };
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.initiatorType === 'script' || r.name.endsWith('.js'),
    );
    const paints = performance.getEntriesByType('paint').map((p) => `${p.name} ${p.startTime.toFixed(0)}`);
    return {
      responseStart: nav.responseStart,
      responseEnd: nav.responseEnd,
      domInteractive: nav.domInteractive,
      domContentLoaded: nav.domContentLoadedEventEnd,
      htmlKb: nav.transferSize / 1024,
      htmlDecodedKb: nav.decodedBodySize / 1024,
      lastScriptEnd: Math.max(0, ...scripts.map((s) => s.responseEnd)),
      scripts: scripts.length,
      paints,
    };
  });
  writeFileSync(`/tmp/${label}.cpuprofile`, JSON.stringify(profile));
  await context.close();
  // Self time per node from samples.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const byUrl = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url ? new URL(frame.url).pathname : `(${frame.functionName || 'native'})`;
    byUrl.set(file, (byUrl.get(file) ?? 0) + ms);
    const fn = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}:${frame.columnNumber}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  console.log(`\n== ${label}: interactive at ${tti.toFixed(0)} ms`);
  console.log(JSON.stringify(timing));
  console.log('self time by script:');
  console.log(top(byUrl, 25).join('\n'));
  console.log('self time by function:');
  console.log(top(byFn, 40).join('\n'));
}

async function main() {
  const [server, browser] = await Promise.all([startStudio(), launchBrowser()]);
  try {
    const { flow, editorUrl, cookies } = await importBenchFlow(browser, server, 1000);
    const bare = await serveBarePage(flow);
    try {
      await warmUp(browser, cookies, [editorUrl, bare.url]);
      for (let i = 0; i < Number(process.env.RUNS ?? 1); i++) {
        await profileLoad(browser, editorUrl, cookies, `editor-${i}`);
        await profileLoad(browser, bare.url, [], `bare-${i}`);
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
