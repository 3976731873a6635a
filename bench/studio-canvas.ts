// Canvas figures for `npm run bench:studio`: a 1,000-node flow in the editor beside a bare @xyflow/react page
// drawing the same graph with default nodes, measured in the same browser in the same run.
// Limits (issue 7): time to interactive within 1.5× the bare page; drag frame rate at least 0.8× the bare page's.

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FlowDocument } from '../flow-engine/document';
import type { StudioServer } from '../test/e2e/helpers/studio-server';
import { generateEngineFlow } from './generate-flow';

export interface CanvasFigures {
  nodes: number;
  /** The editor's path for the imported flow (`/flows/<id>`). */
  editorPath: string;
  editor: { interactiveMs: number; dragFps: number; frameMs: number };
  bare: { interactiveMs: number; dragFps: number; frameMs: number };
}

const dragSteps = 60;
const runs = 5;

/** The bare page: React + React Flow bundled by esbuild, the graph inlined, served on a loopback port. */
export async function serveBarePage(flow: FlowDocument): Promise<{ url: string; server: Server }> {
  const bundle = await build({
    entryPoints: [new URL('./bare-canvas/bare-canvas.tsx', import.meta.url).pathname],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const css = readFileSync(createRequire(import.meta.url).resolve('@xyflow/react/dist/style.css'), 'utf8');
  const graph = {
    nodes: flow.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.label ?? n.id } })),
    edges: flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>bare</title><style>${css} html,body,#root{margin:0;height:100%}</style></head>
<body><div id="root"></div><script>window.__GRAPH__=${JSON.stringify(graph)}</script><script type="module">${bundle.outputFiles[0]!.text.replace(/<\/script/g, '<\\/script')}</script></body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Navigation start → nodes drawn and the next frame painted (the page answers input from then on). */
export async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 120_000 });
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

/** Drag the node nearest the viewport's centre by 60 mouse steps; frames painted per second during the drag. */
async function dragFrameRate(page: Page): Promise<{ fps: number; frameMs: number }> {
  const box = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: DOMRect | undefined;
    let bestDistance = Infinity;
    for (const element of document.querySelectorAll('.react-flow__node')) {
      const r = element.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (d < bestDistance) [best, bestDistance] = [r, d];
    }
    return best && { x: best.left + best.width / 2, y: best.top + 10 };
  });
  if (!box) throw new Error('No node to drag.');
  // A string, not a function: tsx would wrap a named inner function with a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  for (let i = 1; i <= dragSteps; i++) await page.mouse.move(box.x + i * 4, box.y + i * 2);
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames;
  });
  const span = frames[frames.length - 1]! - frames[0]!;
  const frameMs = span / Math.max(1, frames.length - 1);
  return { fps: 1000 / frameMs, frameMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Cookies = Parameters<import('playwright-core').BrowserContext['addCookies']>[0];

/** One load and drag of a page in a fresh context. */
async function measureOnce(browser: Browser, url: string, cookies: Cookies) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const interactiveMs = await timeToInteractive(page, url);
  const drag = await dragFrameRate(page);
  await context.close();
  return { interactiveMs, fps: drag.fps, frameMs: drag.frameMs };
}

const summarise = (samples: { interactiveMs: number; fps: number; frameMs: number }[]) => ({
  interactiveMs: median(samples.map((s) => s.interactiveMs)),
  dragFps: median(samples.map((s) => s.fps)),
  frameMs: median(samples.map((s) => s.frameMs)),
});

/** Signs in, imports a generated flow of `nodeCount` nodes; the editor's URL and the signed-in cookies. */
export async function importBenchFlow(browser: Browser, studio: StudioServer, nodeCount: number) {
  const flow = { ...generateEngineFlow(nodeCount), id: `bench-canvas-${nodeCount}`, name: `Canvas bench (${nodeCount} nodes)` };
  const signIn = await browser.newContext({ baseURL: studio.url });
  const page = await signIn.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(studio.admin.email);
  await page.getByLabel('Password').fill(studio.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/flows');
  const imported = await page.evaluate(async (json) => {
    const response = await fetch('/api/trpc/flows.import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json }) });
    return (await response.json()) as { result?: { data: { id: string } }; error?: { message: string } };
  }, JSON.stringify(flow));
  if (!imported.result) throw new Error(`Importing the bench flow failed: ${imported.error?.message}`);
  const cookies = await signIn.cookies();
  await signIn.close();
  return { flow, editorUrl: `${studio.url}/flows/${imported.result.data.id}`, cookies };
}

/** Loads each page once (build caches, compiled JS) before the measured runs. */
export async function warmUp(browser: Browser, cookies: Parameters<BrowserContext['addCookies']>[0], urls: string[]): Promise<void> {
  const warm = await browser.newContext();
  await warm.addCookies(cookies);
  const warmPage = await warm.newPage();
  for (const url of urls) await timeToInteractive(warmPage, url);
  await warm.close();
}

/** Imports a 1,000-node flow into the running studio and measures its editor against the bare page. */
export async function measureCanvas(browser: Browser, studio: StudioServer, nodeCount = 1000): Promise<CanvasFigures> {
  const { flow, editorUrl, cookies } = await importBenchFlow(browser, studio, nodeCount);

  const bare = await serveBarePage(flow);
  try {
    await warmUp(browser, cookies, [editorUrl, bare.url]);
    // Editor and bare page take turns, so load from other work on the machine falls on both alike.
    const editor: Awaited<ReturnType<typeof measureOnce>>[] = [];
    const baseline: Awaited<ReturnType<typeof measureOnce>>[] = [];
    for (let run = 0; run < runs; run++) {
      editor.push(await measureOnce(browser, editorUrl, cookies));
      baseline.push(await measureOnce(browser, bare.url, []));
    }
    return { nodes: nodeCount, editorPath: new URL(editorUrl).pathname, editor: summarise(editor), bare: summarise(baseline) };
  } finally {
    bare.server.close();
  }
}

/** The figures as README table rows, with each limit and whether it was met. */
export function formatCanvasFigures(f: CanvasFigures): string[] {
  const loadRatio = f.editor.interactiveMs / f.bare.interactiveMs;
  const fpsRatio = f.editor.dragFps / f.bare.dragFps;
  return [
    `| canvas, ${f.nodes} nodes | editor | bare React Flow | ratio | limit |`,
    '| --- | --- | --- | --- | --- |',
    `| time to interactive | ${f.editor.interactiveMs.toFixed(0)} ms | ${f.bare.interactiveMs.toFixed(0)} ms | ${loadRatio.toFixed(2)}× | ≤ 1.5× — ${loadRatio <= 1.5 ? 'met' : 'NOT met'} |`,
    `| drag (60 steps), frames/s | ${f.editor.dragFps.toFixed(1)} (${f.editor.frameMs.toFixed(1)} ms) | ${f.bare.dragFps.toFixed(1)} (${f.bare.frameMs.toFixed(1)} ms) | ${fpsRatio.toFixed(2)}× | ≥ 0.8× — ${fpsRatio >= 0.8 ? 'met' : 'NOT met'} |`,
  ];
}
