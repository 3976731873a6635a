#!/usr/bin/env node
// Launcher for the `callflow` CLI: registers tsx so cli/main.ts runs from a fresh clone with no build step.

import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
