#!/usr/bin/env node
// Launcher for `callflow`: runs the esbuild bundle dist/callflow.cjs (built by `npm install`) with V8's code cache.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';
import { bundlePath, codeCachePath, isBundleFresh } from './build-cli.js';

const debug = process.argv.includes('--debug');

// Missing (a clone without `npm install`'s postinstall) or older than a source file (a developer's edit):
// rebuild once, ~1.5 s, instead of running stale code. A source that does not compile is one line, not a stack.
if (!isBundleFresh()) {
  try {
    await (await import('./build-cli.js')).buildCli({ logLevel: 'silent' });
  } catch (error) {
    // esbuild lists its errors with a place; show the first one.
    const first = error?.errors?.[0];
    const place = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : '';
    const reason = first ? `${place}${first.text}` : String(error?.message ?? error).split('\n')[0];
    process.stderr.write(
      `callflow: the command could not be built from its sources (${reason}); run "npm run build:cli" to see why\n`,
    );
    if (debug) process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(3);
  }
}

/**
 * Load the bundle as CommonJS through vm.Script, handing V8 the code cache of an earlier run so it skips
 * compiling 1.9 MiB of JavaScript (Node 20 caches no module code by itself). Returns a function that
 * saves a fresh cache when there was none or V8 rejected it (another Node version).
 */
function loadBundle() {
  let cachedData;
  try {
    cachedData = readFileSync(codeCachePath);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(bundlePath, 'utf8');
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  // Commands that reach the database (admin) load their server packages with import(), which a vm.Script
  // allows only when told to use Node's own loader.
  const script = new vm.Script(wrapper, {
    filename: bundlePath,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  const saveCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      // After the run, so the functions it compiled lazily are in the cache too; renamed into place whole.
      const temporary = `${codeCachePath}.${process.pid}`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, codeCachePath);
    } catch {
      // A read-only install still runs, only without the cache.
    }
  };
  return { ...module.exports, saveCache };
}

const { main, reportUnexpected, saveCache } = loadBundle();
const io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

// `callflow compile flow.json | head` closes the pipe early; that is the reader's choice, not a crash.
// Any other write failure (a full disk) is unexpected: one line with an error id, as for every other failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.exit(reportUnexpected(error, io, debug));
});

process.exitCode = await main(process.argv.slice(2), io);
saveCache();
