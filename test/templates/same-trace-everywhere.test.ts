// A test case gives the identical trace everywhere it runs (issue 9, point 7), for every template: the engine in Node
// (runTests), `callflow test` (the CLI bundle users run), the server's publish check (tests run against the
// database's resources when publishing requires passing tests) and the engine's browser bundle in Debian's chromium
// under a CSP without 'unsafe-eval'.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { requirePassingTests } from '../../app/_server/publishing/require-passing-tests';
import { loadResolver } from '../../schemas/load-resolver';
import { buildEngineBundle, engineGlobalName } from '../../bench/engine-bundle';
import type { ResourceBundle } from '../../flow-engine/resources';
import { runTests, type SimulationTrace } from '../../flow-engine/simulator';
import { callerAs } from '../app/helpers/callers';
import { testBackends, type TestDatabase } from '../app/helpers/test-database';
import { runCli } from '../cli/run-cli';
import { launchBrowser } from '../e2e/helpers/browser';
import { loadResourcesFile, loadSubflows, loadTemplates, resourcesPath, templateResolver, templatesDir } from './template-files';

/** What "the same result" means: the nodes visited, each step with the port it took, and how the call ended. */
function traceSummary(trace: SimulationTrace) {
  return { path: trace.path, steps: trace.steps.map((step) => ({ node: step.node, port: step.port })), end: trace.end };
}

type Summary = ReturnType<typeof traceSummary>;

const templates = loadTemplates();

describe('every template gives the same traces in Node, the CLI, the publish check and the browser', () => {
  let database: TestDatabase;
  let browser: Browser;
  let page: Page;
  const node = new Map<string, { name: string; summary: Summary }[]>();
  const failedInNode = new Map<string, number>();

  beforeAll(async () => {
    const resources = templateResolver();
    for (const { file, flow } of templates) {
      const report = await runTests(flow, { resources });
      node.set(file, report.cases.map((c) => ({ name: c.name, summary: traceSummary(c.trace) })));
      failedInNode.set(file, report.failed);
    }
    database = await testBackends[0]!.open(); // PGlite is always the first backend
    browser = await launchBrowser();
    page = await browser.newPage();
    // No 'unsafe-eval': the engine must run without building code from text.
    await page.setContent(`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"></head><body></body></html>`);
    const { code } = await buildEngineBundle();
    await page.addScriptTag({ content: code });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await database?.close();
  });

  it('every template has test cases, and they all pass in Node', () => {
    expect(templates.length).toBeGreaterThan(0);
    for (const { file } of templates) {
      expect(node.get(file)?.length, file).toBeGreaterThan(0);
      expect(failedInNode.get(file), file).toBe(0);
    }
  });

  it('callflow test --json gives the same traces', async () => {
    const run = await runCli(['test', ...templates.map((t) => t.file), '--resources', resourcesPath, '--json'], templatesDir);
    expect(run.stderr).toBe('');
    const reports = JSON.parse(run.stdout) as { file: string; cases: { name: string; trace: SimulationTrace }[] }[];
    expect(reports.map((r) => r.file)).toEqual(templates.map((t) => t.file));
    for (const report of reports) {
      expect({ file: report.file, cases: report.cases.map((c) => ({ name: c.name, summary: traceSummary(c.trace) })) }).toEqual({ file: report.file, cases: node.get(report.file) });
    }
  }, 120_000);

  it('the server publish check (database resources installed from the templates) gives the same traces and publishes', async () => {
    const admin = await callerAs(database.db, 'admin');
    await admin.caller.settings.update({ requireTestsToPublish: true });
    for (const { file, flow } of templates) {
      const created = await admin.caller.flows.create({ name: flow.name, template: file.replace(/\.json$/, '') });
      const draft = (await admin.caller.flows.get({ flowId: created.id })).draft;
      const report = await requirePassingTests(draft, await loadResolver(database.db, draft), draft.name);
      expect({ file, cases: report.cases.map((c) => ({ name: c.name, summary: traceSummary(c.trace) })) }).toEqual({ file, cases: node.get(file) });
      expect((await admin.caller.versions.publish({ flowId: created.id, note: '' })).number, file).toBe(1);
    }
  }, 180_000);

  it('the engine bundle in chromium gives the same traces', async () => {
    const bundle: ResourceBundle = { ...loadResourcesFile(), subflows: loadSubflows() };
    for (const { file, flow } of templates) {
      const cases = await page.evaluate(
        async ({ flow, bundle, globalName }) => {
          const engine = (window as unknown as Record<string, typeof import('../../flow-engine/browser')>)[globalName];
          if (!engine) throw new Error(`the engine bundle did not define window.${globalName}`);
          const report = await engine.runTests(flow, { resources: engine.resolverFromBundle(bundle) });
          return report.cases.map((c) => ({ name: c.name, trace: c.trace }));
        },
        { flow, bundle, globalName: engineGlobalName },
      );
      expect({ file, cases: cases.map((c) => ({ name: c.name, summary: traceSummary(c.trace) })) }).toEqual({ file, cases: node.get(file) });
    }
  }, 120_000);
});
