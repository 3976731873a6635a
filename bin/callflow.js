#!/usr/bin/env node
// Launcher for the `callflow` CLI: registers tsx so cli/main.ts runs from a fresh clone with no build step.

import { register } from 'tsx/esm/api';

// `callflow compile flow.json | head` closes the pipe early; that is the reader's choice, not a crash.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
