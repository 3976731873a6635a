// The CLI bundle: its staleness check, and its ahead-of-time compiled flow schema agreeing with the engine's own.

import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript module of the launcher, no type declarations
import { isBundleFresh } from '../../bin/build-cli.js';
import { validateLoaded } from '../../cli/check-flow';
import { loadFlow, ResourcesCache } from '../../cli/load-flow';
import { runCli } from './run-cli';

const fresh = isBundleFresh as (manifest: string, base: string) => boolean;
const flowsDir = fileURLToPath(new URL('../fixtures/flows/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'callflow-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the callflow bundle', () => {
  it('is fresh only while its manifest and bundle exist and no source changed after the build started', () => {
    const dist = join(scratch, 'dist');
    mkdirSync(join(scratch, 'cli'), { recursive: true });
    mkdirSync(dist, { recursive: true });
    const manifest = join(dist, 'callflow.inputs.json');
    const source = join(scratch, 'cli', 'main.ts');
    writeFileSync(source, 'export {};\n');
    utimesSync(source, new Date(1_000_000), new Date(1_000_000));
    expect(fresh(manifest, scratch)).toBe(false); // no manifest yet
    writeFileSync(manifest, JSON.stringify({ startedAt: 2_000_000, inputs: ['cli/main.ts'] }));
    expect(fresh(manifest, scratch)).toBe(false); // no bundle beside it
    writeFileSync(join(dist, 'callflow.cjs'), '');
    expect(fresh(manifest, scratch)).toBe(true);
    utimesSync(source, new Date(3_000_000), new Date(3_000_000));
    expect(fresh(manifest, scratch)).toBe(false); // edited after the build started
    writeFileSync(manifest, JSON.stringify({ startedAt: 4_000_000, inputs: ['cli/main.ts', 'cli/gone.ts'] }));
    expect(fresh(manifest, scratch)).toBe(false); // a source the bundle was built from is gone
  });

  it('validates every good and bad fixture flow exactly as the engine does in process (precompiled schema included)', async () => {
    const files = ['good', 'bad'].flatMap((kind) =>
      readdirSync(join(flowsDir, kind))
        .filter((name) => name.endsWith('.json'))
        .map((name) => `${kind}/${name}`),
    );
    expect(files.length).toBeGreaterThan(30);
    const run = await runCli(['validate', '--json', ...files], flowsDir);
    expect(run.code).toBe(1);
    const cache = new ResourcesCache(flowsDir);
    const inProcess = files.map((file) => {
      const loaded = loadFlow(flowsDir, file, undefined, cache);
      return { file: loaded.display, ...validateLoaded(loaded) };
    });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(inProcess)));
  });
});
