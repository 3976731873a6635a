// Canvas figures for `npm run bench:studio`: a 1,000-node flow in the editor beside a bare @xyflow/react page
// drawing the same graph with default nodes, measured in the same browser in the same run.
// Limits (issue 7): time to interactive within 1.5× the bare page; drag frame rate at least 0.8× the bare page's
// (issue 15: in the initial view and in the fit view, the bare page showing the same nodes at the same zoom).

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FlowDocument } from '../flow-engine/document';
import type { StudioServer } from '../test/e2e/helpers/studio-server';
import { generateEngineFlow } from './generate-flow';

type Figures = { interactiveMs: number; dragFps: number; frameMs: number; zoom: number; nodesDrawn: number };

export interface CanvasFigures {
  nodes: number;
  /** The editor's path for the imported flow (`/flows/<id>`). */
  editorPath: string;
  /** The view the editor opens with (a big flow: its start node at full size). */
  editor: Figures;
  bare: Figures;
  /** After "fit view": the whole flow in the canvas. */
  editorFit: Figures;
  bareFit: Figures;
}

/** The editor's canvas size and viewport, which the bare page copies. */
interface View {
  width: number;
  height: number;
  x: number;
  y: number;
  zoom: number;
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
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
      ),
  );
}

/** The canvas's size and viewport (React Flow's transform on `.react-flow__viewport`). */
export async function currentView(page: Page): Promise<View> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const transform = new DOMMatrixReadOnly(
      getComputedStyle(document.querySelector('.react-flow__viewport')!).transform,
    );
    return { width: pane.width, height: pane.height, x: transform.e, y: transform.f, zoom: transform.a };
  });
}

/** Drag the node nearest the viewport's centre by 60 mouse steps; frames painted per second during the drag. */
export async function dragFrameRate(page: Page): Promise<{ fps: number; frameMs: number }> {
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

type Sample = { interactiveMs: number; fps: number; frameMs: number; zoom: number; nodesDrawn: number };

/** Lets a view change (an animated fit) finish: waits until two frames a quarter second apart see the same viewport. */
export async function settle(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const now = JSON.stringify(await currentView(page));
    if (now === last) return;
    last = now;
  }
}

const nodesDrawn = (page: Page) => page.locator('.react-flow__node').count();

/**
 * One load of the editor in a fresh context, then a drag in the view it opens with and, after "fit view", a drag in
 * the fit view. Each drag starts from a fresh load, so the first drag's changes do not weigh on the second.
 */
async function measureEditor(
  browser: Browser,
  url: string,
  cookies: Cookies,
  fit: boolean,
): Promise<Sample & { view: View }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const interactiveMs = await timeToInteractive(page, url);
  if (fit) {
    await page.getByRole('button', { name: 'Fit view: show the whole flow' }).click();
    await settle(page);
  }
  const view = await currentView(page);
  const drawn = await nodesDrawn(page);
  const drag = await dragFrameRate(page);
  await context.close();
  return { interactiveMs, fps: drag.fps, frameMs: drag.frameMs, zoom: view.zoom, nodesDrawn: drawn, view };
}

/** One load of the bare page sized and placed like the editor's canvas (`view`), then a drag. */
async function measureBare(browser: Browser, url: string, view: View): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  const page = await context.newPage();
  const interactiveMs = await timeToInteractive(page, url);
  // window.__match is the bare page's own (bare-canvas.tsx).
  await page.evaluate((v) => (window as unknown as { __match(view: View): Promise<void> }).__match(v), view);
  await settle(page);
  const drawn = await nodesDrawn(page);
  const drag = await dragFrameRate(page);
  await context.close();
  return { interactiveMs, fps: drag.fps, frameMs: drag.frameMs, zoom: view.zoom, nodesDrawn: drawn };
}

const summarise = (samples: Sample[]): Figures => ({
  interactiveMs: median(samples.map((s) => s.interactiveMs)),
  dragFps: median(samples.map((s) => s.fps)),
  frameMs: median(samples.map((s) => s.frameMs)),
  zoom: median(samples.map((s) => s.zoom)),
  nodesDrawn: median(samples.map((s) => s.nodesDrawn)),
});

/** Signs in, imports a generated flow of `nodeCount` nodes; the editor's URL and the signed-in cookies. */
export async function importBenchFlow(browser: Browser, studio: StudioServer, nodeCount: number) {
  const flow = {
    ...generateEngineFlow(nodeCount),
    id: `bench-canvas-${nodeCount}`,
    name: `Canvas bench (${nodeCount} nodes)`,
  };
  const signIn = await browser.newContext({ baseURL: studio.url });
  const page = await signIn.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(studio.admin.email);
  await page.getByLabel('Password').fill(studio.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/flows');
  const imported = await page.evaluate(async (json) => {
    const response = await fetch('/api/trpc/flows.import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json }),
    });
    return (await response.json()) as { result?: { data: { id: string } }; error?: { message: string } };
  }, JSON.stringify(flow));
  if (!imported.result) throw new Error(`Importing the bench flow failed: ${imported.error?.message}`);
  const cookies = await signIn.cookies();
  await signIn.close();
  return { flow, editorUrl: `${studio.url}/flows/${imported.result.data.id}`, cookies };
}

/** Loads each page once (build caches, compiled JS) before the measured runs. */
export async function warmUp(
  browser: Browser,
  cookies: Parameters<BrowserContext['addCookies']>[0],
  urls: string[],
): Promise<void> {
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
    // Editor and bare page take turns, so load from other work on the machine falls on both alike; the bare page
    // copies the canvas size and viewport of the editor run just before it.
    const samples = {
      editor: [] as Sample[],
      bare: [] as Sample[],
      editorFit: [] as Sample[],
      bareFit: [] as Sample[],
    };
    for (let run = 0; run < runs; run++) {
      const initial = await measureEditor(browser, editorUrl, cookies, false);
      samples.editor.push(initial);
      samples.bare.push(await measureBare(browser, bare.url, initial.view));
      const fitted = await measureEditor(browser, editorUrl, cookies, true);
      samples.editorFit.push(fitted);
      samples.bareFit.push(await measureBare(browser, bare.url, fitted.view));
    }
    return {
      nodes: nodeCount,
      editorPath: new URL(editorUrl).pathname,
      editor: summarise(samples.editor),
      bare: summarise(samples.bare),
      editorFit: summarise(samples.editorFit),
      bareFit: summarise(samples.bareFit),
    };
  } finally {
    bare.server.close();
  }
}

/** The figures as README table rows, with each limit and whether it was met. */
export function formatCanvasFigures(f: CanvasFigures): string[] {
  const loadRatio = f.editor.interactiveMs / f.bare.interactiveMs;
  const drag = (label: string, editor: Figures, bare: Figures) => {
    const ratio = editor.dragFps / bare.dragFps;
    const where = `zoom ${editor.zoom.toFixed(2)}, ${editor.nodesDrawn} / ${bare.nodesDrawn} nodes drawn`;
    return `| drag (60 steps), ${label} (${where}), frames/s | ${editor.dragFps.toFixed(1)} (${editor.frameMs.toFixed(1)} ms) | ${bare.dragFps.toFixed(1)} (${bare.frameMs.toFixed(1)} ms) | ${ratio.toFixed(2)}× | ≥ 0.8× — ${ratio >= 0.8 ? 'met' : 'NOT met'} |`;
  };
  return [
    `| canvas, ${f.nodes} nodes | editor | bare React Flow | ratio | limit |`,
    '| --- | --- | --- | --- | --- |',
    `| time to interactive | ${f.editor.interactiveMs.toFixed(0)} ms | ${f.bare.interactiveMs.toFixed(0)} ms | ${loadRatio.toFixed(2)}× | ≤ 1.5× — ${loadRatio <= 1.5 ? 'met' : 'NOT met'} |`,
    drag('initial view', f.editor, f.bare),
    drag('fit view', f.editorFit, f.bareFit),
  ];
}
