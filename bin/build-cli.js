#!/usr/bin/env node
// Builds the `callflow` bundle (dist/callflow.cjs) with esbuild: on `npm install`, and by the launcher when sources changed.

import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The bundle the launcher runs; one level below the package root so `../package.json` still finds the version. */
export const bundlePath = at('dist/callflow.cjs');
/** V8's code cache for the bundle, written by the launcher after its first run. */
export const codeCachePath = at('dist/callflow.cjs.cache');
/** What the bundle was built from (source files, relative to the root) and when, for the launcher's staleness check. */
export const manifestPath = at('dist/callflow.inputs.json');

/**
 * True when the bundle's manifest exists and no source file it was built from changed after the build
 * started (one stat per source file listed in the manifest, about 240 of them).
 */
export function isBundleFresh(manifest = manifestPath, base = root) {
  let built;
  try {
    built = JSON.parse(readFileSync(manifest, 'utf8'));
    statSync(join(dirname(manifest), 'callflow.cjs'));
  } catch {
    return false;
  }
  if (typeof built?.startedAt !== 'number' || !Array.isArray(built.inputs)) return false;
  for (const input of built.inputs) {
    try {
      if (statSync(join(base, input)).mtimeMs > built.startedAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Build dist/callflow.cjs and its manifest; files are written beside and renamed, so a running launcher never reads half a file. */
/** @param options.logLevel esbuild's: `warning` prints errors with their source lines; the launcher passes `silent`. */
export async function buildCli({ logLevel = 'warning' } = {}) {
  const esbuild = await import('esbuild');
  const startedAt = Date.now();
  mkdirSync(dirname(bundlePath), { recursive: true });
  const workDir = `${dirname(bundlePath)}/.build-${process.pid}`;
  mkdirSync(workDir, { recursive: true });
  try {
    const result = await esbuild.build({
      entryPoints: [at('cli/main.ts')],
      bundle: true,
      platform: 'node',
      // A classic script rather than an ES module, so the launcher can compile it through vm.Script with
      // V8's code cache (Node 20 has no compile cache for modules): that halves start-up.
      format: 'cjs',
      target: 'node20',
      outfile: `${workDir}/callflow.cjs`,
      define: { 'import.meta.url': '__callflowBundleUrl' },
      banner: { js: "var __callflowBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      // Smaller text to read and hash for the code cache; names kept so `--debug` stacks stay readable.
      minifyWhitespace: true,
      minifySyntax: true,
      metafile: true,
      // The admin command's server packages stay outside the bundle: PGlite finds its WebAssembly beside its own
      // files, and they are loaded only by that command.
      external: ['@electric-sql/pglite', 'better-auth', 'drizzle-orm', 'postgres', 'proper-lockfile'],
      logLevel,
      plugins: [
        {
          // zod re-exports all ~50 message locales as `z.locales`; the CLI only ever uses English (zod's
          // default, imported directly by zod itself), and loading the rest took a fifth of start-up.
          name: 'zod-english-only',
          setup(build) {
            build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
              /node_modules[\\/]zod[\\/]/.test(args.importer)
                ? { path: `${dirname(args.importer)}/../locales/en.js`, namespace: 'zod-locales' }
                : undefined,
            );
            build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
              contents: `export { default as en } from ${JSON.stringify(args.path)};`,
              resolveDir: root,
              loader: 'js',
            }));
          },
        },
      ],
    });
    const inputs = Object.keys(result.metafile.inputs)
      .filter((path) => !path.includes('node_modules/') && !path.includes(':') && !path.startsWith('dist/'))
      .map((path) => relative(root, at(path)))
      .sort();
    writeFileSync(`${workDir}/manifest.json`, `${JSON.stringify({ startedAt, inputs }, null, 2)}\n`);
    renameSync(`${workDir}/manifest.json`, manifestPath);
    renameSync(`${workDir}/callflow.cjs`, bundlePath);
    rmSync(codeCachePath, { force: true });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  await buildCli();
  const size = readFileSync(bundlePath).length;
  process.stdout.write(
    `callflow: built ${relative(process.cwd(), bundlePath) || bundlePath} (${(size / 1024 / 1024).toFixed(1)} MiB) in ${Date.now() - started} ms\n`,
  );
}
