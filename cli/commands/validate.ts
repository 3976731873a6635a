// `callflow validate FILE… [--resources FILE] [--json] [--lang en|zh-CN]`: every issue of every file; exit 1 when any is invalid.

import { parseCommandArgs } from '../args';
import { validateLoaded } from '../check-flow';
import { ExitCode, UsageError } from '../errors';
import { formatValidation } from '../format-issues';
import { commandHelp } from '../help';
import type { CliIo } from '../io';
import { loadFlow, namedNodes, ResourcesCache } from '../load-flow';
import { outputLanguage, outputWords } from '../output-language';

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, {
    json: { type: 'boolean' },
    resources: { type: 'string' },
    lang: { type: 'string' },
  });
  if (values.help) {
    io.out(commandHelp.validate);
    return ExitCode.ok;
  }
  if (positionals.length === 0)
    throw new UsageError('validate needs at least one flow file, e.g. callflow validate flows/hotline.json');
  const words = outputWords(outputLanguage(values.lang, '--lang'));
  const cache = new ResourcesCache(io.cwd);
  // Read every file first, so a typo in the last path is reported before any output.
  const flows = positionals.map((file) => loadFlow(io.cwd, file, values.resources, cache));
  const results = flows.map((flow) => ({ file: flow.display, ...validateLoaded(flow) }));
  const nodesOf = (i: number) => namedNodes(flows[i]!.document);
  if (values.json) io.out(`${JSON.stringify(results, null, 2)}\n`);
  else results.forEach(({ file, ...result }, i) => io.out(formatValidation(file, result, words, nodesOf(i))));
  return results.every((r) => r.valid) ? ExitCode.ok : ExitCode.failed;
}
