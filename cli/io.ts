// Where a command writes: stdout/stderr in the real CLI; kept behind an interface so commands never touch process.

export interface CliIo {
  /** Write to stdout (results). */
  out(text: string): void;
  /** Write to stderr (errors and notes). */
  err(text: string): void;
  /** Directory that relative paths on the command line are read from. */
  readonly cwd: string;
}
