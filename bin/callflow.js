#!/usr/bin/env node
// Launcher for the `callflow` CLI: registers tsx so cli/main.ts runs from a fresh clone with no build step.

import { register } from 'tsx/esm/api';

register();
const { main, reportUnexpected } = await import('../cli/main.ts');
const debug = process.argv.includes('--debug');
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
