// Entry of the `callflow` command: dispatches to one command module, prints CliErrors, returns the exit code.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { config as configureZod } from 'zod';
import { InputError } from '../flow-engine/node/input-error';
import { CliError, ExitCode } from './errors';
import { commandHelp, isCommandName, mainHelp, type CommandName } from './help';
import type { CliIo } from './io';

// Each schema is used a handful of times per run: compiling zod's fast path costs more than it saves.
configureZod({ jitless: true });

type CommandRunner = (args: string[], io: CliIo) => Promise<number>;

// Loaded on demand so that `--help` and `validate` do not pay for the simulator and XState.
const commands: Record<CommandName, () => Promise<CommandRunner>> = {
  validate: async () => (await import('./commands/validate')).runValidate,
  simulate: async () => (await import('./commands/simulate')).runSimulate,
  test: async () => (await import('./commands/test')).runTest,
  compile: async () => (await import('./commands/compile')).runCompile,
  diff: async () => (await import('./commands/diff')).runDiff,
  dial: async () => (await import('./commands/dial')).runDial,
  runtime: async () => (await import('./commands/runtime')).runRuntime,
  admin: async () => (await import('./commands/admin-reset-password')).runAdmin,
};

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(`callflow: no command given\n\n${mainHelp}`);
    return ExitCode.usage;
  }
  if (first === '--help' || first === '-h') {
    io.out(mainHelp);
    return ExitCode.ok;
  }
  if (first === '--version') {
    io.out(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) io.out(mainHelp);
    else if (isCommandName(topic)) io.out(commandHelp[topic]);
    else {
      io.err(`callflow: there is no command "${topic}"; the commands are ${Object.keys(commands).join(', ')}\n`);
      return ExitCode.usage;
    }
    return ExitCode.ok;
  }
  if (!isCommandName(first)) {
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`;
    io.err(`callflow: ${what}; run "callflow --help" for the commands\n`);
    return ExitCode.usage;
  }
  const run = await commands[first]();
  return run(rest, io);
}

/** The first line of what went wrong, kept short: the line is for a person, the stack is for --debug. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * One line for a failure that is not the user's (a bug): an id to quote in a report, and the stack only with --debug.
 * Exported for the launcher, which reports failures outside main() (e.g. loading the CLI) the same way.
 */
export function reportUnexpected(error: unknown, io: Pick<CliIo, 'err'>, debug: boolean): number {
  const id = randomUUID().slice(0, 8);
  const hint = debug ? '' : '; run again with --debug to see the stack';
  io.err(`callflow: unexpected error ${id}: ${firstLine(error)}${hint}\n`);
  if (debug) io.err(`[${id}] ${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
  return ExitCode.internal;
}

/** Run the CLI with the arguments after `callflow`; returns the process exit code. `--debug` may appear anywhere. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await dispatch(
      argv.filter((arg) => arg !== '--debug'),
      io,
    );
  } catch (error) {
    if (error instanceof CliError || error instanceof InputError) {
      io.err(`callflow: ${error.message}\n`);
      return error instanceof CliError ? error.exitCode : ExitCode.usage;
    }
    return reportUnexpected(error, io, debug);
  }
}
