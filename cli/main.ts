// Entry of the `callflow` command: dispatches to one command module, prints CliErrors, returns the exit code.

import { readFileSync } from 'node:fs';
import { CliError, ExitCode } from './errors';
import { commandHelp, isCommandName, mainHelp, type CommandName } from './help';
import type { CliIo } from './io';

type CommandRunner = (args: string[], io: CliIo) => Promise<number>;

// Loaded on demand so that `--help` and `validate` do not pay for the simulator and XState.
const commands: Record<CommandName, () => Promise<CommandRunner>> = {
  validate: async () => (await import('./commands/validate')).runValidate,
  simulate: async () => (await import('./commands/simulate')).runSimulate,
  test: async () => (await import('./commands/test')).runTest,
  compile: async () => (await import('./commands/compile')).runCompile,
  diff: async () => (await import('./commands/diff')).runDiff,
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

/** Run the CLI with the arguments after `callflow`; returns the process exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`callflow: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
