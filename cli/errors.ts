// Typed CLI errors: each carries the exit code that main.ts uses after printing the message to stderr.

/** Exit codes of the `callflow` command (documented in `callflow --help`). */
export const ExitCode = {
  /** Everything valid, every test passed. */
  ok: 0,
  /** A flow is invalid or a test case failed. */
  failed: 1,
  /** The command line or an input file (flow JSON, mocks, resources) could not be used. */
  usage: 2,
  /** An unexpected internal failure (a bug): one line with an error id; `--debug` adds the stack. */
  internal: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export abstract class CliError extends Error {
  abstract readonly exitCode: ExitCodeValue;
}

/** A wrong command line: unknown command or flag, missing value, malformed --at. */
export class UsageError extends CliError {
  readonly exitCode = ExitCode.usage;
  override readonly name = 'UsageError';
}

/** simulate/test/compile refuse a flow that does not validate; the message lists every error. */
export class InvalidFlowError extends CliError {
  readonly exitCode = ExitCode.failed;
  override readonly name = 'InvalidFlowError';
}
