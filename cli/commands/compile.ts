// `callflow compile FILE [--resources FILE]`: prints the XState machine config of a valid flow as JSON.

import { compile } from '../../flow-engine/compile';
import { parseCommandArgs } from '../args';
import { requireRunnableFlow } from '../check-flow';
import { ExitCode, UsageError } from '../errors';
import { withEngineErrors } from '../engine-errors';
import { commandHelp } from '../help';
import type { CliIo } from '../io';
import { loadFlow, ResourcesCache } from '../load-flow';

export async function runCompile(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('compile', args, { resources: { type: 'string' } });
  if (values.help) {
    io.out(commandHelp.compile);
    return ExitCode.ok;
  }
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined)
    throw new UsageError('compile takes exactly one flow file, e.g. callflow compile flows/hotline.json');
  const loaded = loadFlow(io.cwd, file, values.resources, new ResourcesCache(io.cwd));
  const { flow } = requireRunnableFlow(loaded, 'compile');
  const compiled = await withEngineErrors(loaded.display, () =>
    compile(flow, { resources: loaded.resources.resolver }),
  );
  io.out(`${JSON.stringify(compiled.config, null, 2)}\n`);
  return ExitCode.ok;
}
