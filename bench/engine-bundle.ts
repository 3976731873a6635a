// The engine bundles the browser loads, each bundled alone for the browser with esbuild and minified: the simulator's
// engine (flow-engine/browser.ts: compile, simulate, run tests) and validation (flow-engine/browser-validate.ts).
// Prints raw and gzipped sizes, the largest packages and any code built from text (`new Function`, `eval`).
// `tsx bench/engine-bundle.ts` prints the figures; bench:studio calls measureEngineBundles() too.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The simulator's engine and the global its IIFE build defines (`window.CallflowEngine`). */
export const engineEntry = path.join(root, 'flow-engine/browser.ts');
export const validateEntry = path.join(root, 'flow-engine/browser-validate.ts');
export const engineGlobalName = 'CallflowEngine';

/** The issue's budget for the gzipped engine the simulator loads. */
export const engineBudgetKb = 150;

export interface EngineBundleFigure {
  name: string;
  rawKb: number;
  gzipKb: number;
  /** Bytes of minified output per package (`flow-engine` for our own code), largest first. */
  packages: { name: string; kb: number }[];
  /** Places that create functions from text, which a strict CSP (no 'unsafe-eval') forbids; 0 expected. */
  evalSites: number;
}

/** Bundles `entries` as one minified IIFE script defining `window.CallflowEngine` (every entry's exports merged). */
export async function buildEngineBundle(
  entries: string[] = [engineEntry],
): Promise<{ code: string; packages: EngineBundleFigure['packages'] }> {
  const contents = entries.map((entry) => `export * from ${JSON.stringify(entry)};`).join('\n');
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'engine-entry.ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: engineGlobalName,
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const code = result.outputFiles[0]?.text;
  if (!output || code === undefined) throw new Error('esbuild wrote no engine bundle');
  const byPackage = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name = match?.[1] ?? file.split('/')[0] ?? file;
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  const packages = [...byPackage].map(([name, bytes]) => ({ name, kb: bytes / 1024 })).sort((a, b) => b.kb - a.kb);
  return { code, packages };
}

/**
 * Calls that build code from text. zod keeps two `Function` references behind its jitless switch (never reached:
 * flow-engine/browser.ts turns jit off), so only `new Function(` written out and `eval(` count.
 */
export function countEvalSites(code: string): number {
  return (code.match(/\bnew Function\(|\beval\(/g) ?? []).length;
}

async function measure(name: string, entries: string[]): Promise<EngineBundleFigure> {
  const { code, packages } = await buildEngineBundle(entries);
  return {
    name,
    rawKb: Buffer.byteLength(code) / 1024,
    gzipKb: gzipSync(code).length / 1024,
    packages,
    evalSites: countEvalSites(code),
  };
}

/** The simulator's engine alone, and with validation added (what a page that simulates and validates loads). */
export async function measureEngineBundles(): Promise<EngineBundleFigure[]> {
  return [
    await measure('engine (compile, simulate, runTests)', [engineEntry]),
    await measure('engine + validate', [engineEntry, validateEntry]),
  ];
}

export function formatEngineBundles(figures: EngineBundleFigure[]): string {
  const lines = ['Engine bundles for the browser (esbuild, minified, gzip level 6):'];
  for (const figure of figures) {
    const budget = figure.name.startsWith('engine (')
      ? ` (budget < ${engineBudgetKb} KB: ${figure.gzipKb < engineBudgetKb ? 'met' : 'MISSED'})`
      : '';
    lines.push(
      `  ${figure.name.padEnd(38)} ${figure.rawKb.toFixed(0).padStart(5)} KB raw ${figure.gzipKb.toFixed(1).padStart(6)} KB gzipped${budget}; new Function / eval: ${figure.evalSites}`,
    );
  }
  const largest = (figures.at(-1)?.packages ?? []).slice(0, 7);
  lines.push(`  largest parts (raw): ${largest.map((p) => `${p.name} ${p.kb.toFixed(0)} KB`).join(', ')}`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatEngineBundles(await measureEngineBundles()));
}
