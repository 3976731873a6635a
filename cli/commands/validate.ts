// `callflow validate FILE… [--resources FILE] [--json]`: every issue of every file; exit 1 when any is invalid.

import { parseCommandArgs } from '../args';
import { validateLoaded } from '../check-flow';
import { ExitCode, UsageError } from '../errors';
import { formatValidation } from '../format-issues';
import { commandHelp } from '../help';
import type { CliIo } from '../io';
import { loadFlow, ResourcesCache } from '../load-flow';

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, {
    json: { type: 'boolean' },
    resources: { type: 'string' },
  });
  if (values.help) {
    io.out(commandHelp.validate);
    return ExitCode.ok;
  }
  if (positionals.length === 0) throw new UsageError('validate needs at least one flow file, e.g. callflow validate flows/hotline.json');
  const cache = new ResourcesCache(io.cwd);
  // Read every file first, so a typo in the last path is reported before any output.
  const flows = positionals.map((file) => loadFlow(io.cwd, file, values.resources, cache));
  const results = flows.map((flow) => ({ file: flow.display, ...validateLoaded(flow) }));
  if (values.json) io.out(`${JSON.stringify(results, null, 2)}\n`);
  else for (const { file, ...result } of results) io.out(formatValidation(file, result));
  return results.every((r) => r.valid) ? ExitCode.ok : ExitCode.failed;
}
