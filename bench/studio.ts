// `npm run bench:studio`: the studio in Debian's chromium. Figures: gzipped JavaScript each route ships (sign-in
// < 150 KB, every other route but the editor < 300 KB, from the build's output as test/e2e/route-js-budgets.test.ts
// checks; Monaco, the canvas and elkjs must load only in the editor). Builds when stale, like `npm start`.
// The editor's canvas figures (1,000-node load and drag against a bare React Flow page) are added beside these, and
// the editor route's own JavaScript for that flow.

import { gzipSync } from 'node:zlib';
import os from 'node:os';
import type { Page } from 'playwright-core';
import { buildIsStale, runNextBuild } from '../scripts/start/next-build';
import { launchBrowser } from '../test/e2e/helpers/browser';
import { startStudio, studioRoot } from '../test/e2e/helpers/studio-server';
import { formatEngineBundles, measureEngineBundles } from './engine-bundle';
import { budgetOf, readRouteJs } from './route-js';
import { formatCanvasFigures, measureCanvas } from './studio-canvas';

interface RouteFigure {
  route: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
  heavy: string[];
  /** Each script's URL path and gzipped size, largest first (`--detail` prints them). */
  detail: { path: string; gzipKb: number }[];
}

// Text that only the heavy editor libraries put in their bundles.
const heavyMarkers: [string, RegExp][] = [
  // Not the bare class name `monaco-editor`: the editor's shortcut handler names it to ignore keys typed in Monaco.
  ['monaco', /monaco-editor-overlaymessage|vs\/editor\/|MonacoEnvironment/],
  ['@xyflow/react', /react-flow__|xyflow/],
  ['elkjs', /org\.eclipse\.elk|elk\.bundled|ElkNode/],
];

async function measureRoute(page: Page, route: string): Promise<RouteFigure> {
  const bodies: Promise<Buffer>[] = [];
  const paths: string[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() !== 'script') return;
    paths.push(new URL(response.url()).pathname);
    bodies.push(response.body().catch(() => Buffer.alloc(0)));
  };
  page.on('response', onResponse);
  await page.goto(route, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  const scripts = await Promise.all(bodies);
  const heavy = new Set<string>();
  for (const script of scripts) {
    const text = script.toString('utf8');
    for (const [name, marker] of heavyMarkers) if (marker.test(text)) heavy.add(name);
  }
  const raw = scripts.reduce((sum, script) => sum + script.length, 0);
  const gzip = scripts.reduce((sum, script) => sum + gzipSync(script).length, 0);
  const detail = scripts
    .map((script, i) => ({ path: paths[i] ?? '?', gzipKb: gzipSync(script).length / 1024 }))
    .sort((a, b) => b.gzipKb - a.gzipKb);
  return { route, scripts: scripts.length, rawKb: raw / 1024, gzipKb: gzip / 1024, heavy: [...heavy], detail };
}

async function main(): Promise<void> {
  if (buildIsStale(studioRoot)) {
    console.log('Building the studio (next build)…');
    const code = await runNextBuild(studioRoot, { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
    if (code !== 0) throw new Error(`next build failed (${code})`);
  }
  const [server, browser] = await Promise.all([startStudio(), launchBrowser()]);
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const signIn = await measureRoute(page, '/sign-in');
    await page.getByLabel('Email').fill(server.admin.email);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/flows');
    // A fresh page, so the figure is what a first visit to the list downloads (nothing cached from sign-in).
    const fresh = await context.newPage();
    const figures = [signIn];
    for (const route of ['/flows', '/lines', '/resources/schedules', '/resources/audio'])
      figures.push(await measureRoute(fresh, route));
    // The canvas figures import a 1,000-node flow; its editor page is measured last, as a first visit too.
    const canvas = await measureCanvas(browser, server);
    figures.push({
      ...(await measureRoute(await context.newPage(), canvas.editorPath)),
      route: '/flows/<id> (editor, 1,000 nodes)',
    });
    await context.close();

    console.log(
      `Studio bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
    );
    console.log('| route (first visit) | scripts | JS raw | JS gzip | editor libraries loaded |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const figure of figures) {
      console.log(
        `| ${figure.route} | ${figure.scripts} | ${figure.rawKb.toFixed(0)} KB | ${figure.gzipKb.toFixed(0)} KB | ${figure.heavy.join(', ') || 'none'} |`,
      );
    }
    if (process.argv.includes('--detail')) {
      for (const figure of figures) {
        console.log(`\n${figure.route}`);
        for (const script of figure.detail) console.log(`  ${script.gzipKb.toFixed(1).padStart(7)} KB  ${script.path}`);
      }
    }
    const flows = figures.find((figure) => figure.route === '/flows')!;
    const ok = flows.gzipKb < 300 && flows.heavy.length === 0;
    console.log(
      `\nflows list: ${flows.gzipKb.toFixed(0)} KB gzip (budget < 300 KB, no editor libraries) — ${ok ? 'met' : 'NOT met'}`,
    );
    console.log(
      '\nFirst-load JavaScript of every route, from the build output (.next/diagnostics/route-bundle-stats.json):',
    );
    console.log('| route | chunks | JS gzip | budget |');
    console.log('| --- | --- | --- | --- |');
    for (const route of readRouteJs(studioRoot)) {
      const budget = budgetOf(route.route);
      const verdict =
        budget === undefined ? 'none (editor)' : `< ${budget} KB — ${route.gzipKb < budget ? 'met' : 'NOT met'}`;
      console.log(`| ${route.route} | ${route.chunks} | ${route.gzipKb.toFixed(0)} KB | ${verdict} |`);
    }
    console.log('');
    for (const line of formatCanvasFigures(canvas)) console.log(line);
    // What the in-browser simulator loads (issue: the engine in the browser, lean).
    console.log('');
    console.log(formatEngineBundles(await measureEngineBundles()));
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
