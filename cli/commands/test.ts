// `callflow test FILE… [--resources FILE] [--json]`: runs every flow's test cases; exit 1 on any failure.

import { runTests } from '../../flow-engine/simulator';
import { parseCommandArgs } from '../args';
import { requireRunnableFlow } from '../check-flow';
import { ExitCode, InvalidFlowError, UsageError } from '../errors';
import { formatTestReport } from '../format-test-report';
import { commandHelp } from '../help';
import type { CliIo } from '../io';
import { loadFlow, ResourcesCache } from '../load-flow';

export async function runTest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('test', args, {
    json: { type: 'boolean' },
    resources: { type: 'string' },
  });
  if (values.help) {
    io.out(commandHelp.test);
    return ExitCode.ok;
  }
  if (positionals.length === 0) throw new UsageError('test needs at least one flow file, e.g. callflow test flows/hotline.json');
  const cache = new ResourcesCache(io.cwd);
  const loadedFlows = positionals.map((file) => loadFlow(io.cwd, file, values.resources, cache));

  let allPassed = true;
  const reports = [];
  for (const loaded of loadedFlows) {
    let runnable;
    try {
      runnable = requireRunnableFlow(loaded, 'test');
    } catch (error) {
      // One invalid flow fails the run but does not stop the other files from being tested.
      if (!(error instanceof InvalidFlowError)) throw error;
      io.err(`callflow: ${error.message}\n`);
      allPassed = false;
      continue;
    }
    const report = await runTests(runnable.flow, { resources: loaded.resources.resolver });
    if (report.failed > 0) allPassed = false;
    reports.push({ file: loaded.display, flow: runnable.flow.id, ...report });
    if (!values.json) io.out(formatTestReport(loaded.display, runnable.flow, report));
  }
  if (values.json) io.out(`${JSON.stringify(reports, null, 2)}\n`);
  return allPassed ? ExitCode.ok : ExitCode.failed;
}
