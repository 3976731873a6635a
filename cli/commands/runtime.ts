// `callflow runtime`: the same as `npm run runtime` — the FreeSWITCH runtime in this process until SIGTERM/SIGINT.

import { ExitCode } from '../errors';
import { commandHelp } from '../help';
import type { CliIo } from '../io';

export async function runRuntime(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandHelp.runtime);
    return ExitCode.ok;
  }
  const { runRuntimeProcess } = await import('../../runtime/main');
  return (await runRuntimeProcess(process.env)) === 0 ? ExitCode.ok : ExitCode.failed;
}
