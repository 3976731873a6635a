// `callflow test FILE… [--resources FILE] [--json]`: runs every flow's test cases; exit 1 on any failure.

import { runTests, type TestReport } from '../../flow-engine/simulator';
import { parseCommandArgs } from '../args';
import { requireRunnableFlow } from '../check-flow';
import { withEngineErrors } from '../engine-errors';
import { ExitCode, InvalidFlowError, UsageError } from '../errors';
import { formatTestReport, formatTotals } from '../format-test-report';
import { commandHelp } from '../help';
import type { CliIo } from '../io';
import { loadFlow, ResourcesCache, type LoadedFlow } from '../load-flow';

interface FlowReport extends TestReport {
  file: string;
  flow: string;
}

async function testFlow(loaded: LoadedFlow): Promise<FlowReport> {
  const { flow } = requireRunnableFlow(loaded, 'test');
  const report = await withEngineErrors(loaded.display, () => runTests(flow, { resources: loaded.resources.resolver }));
  return { file: loaded.display, flow: flow.id, ...report };
}

export async function runTest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('test', args, {
    json: { type: 'boolean' },
    resources: { type: 'string' },
  });
  if (values.help) {
    io.out(commandHelp.test);
    return ExitCode.ok;
  }
  if (positionals.length === 0)
    throw new UsageError('test needs at least one flow file, e.g. callflow test flows/hotline.json');
  const cache = new ResourcesCache(io.cwd);
  const loadedFlows = positionals.map((file) => loadFlow(io.cwd, file, values.resources, cache));

  let allPassed = true;
  const reports: FlowReport[] = [];
  for (const loaded of loadedFlows) {
    try {
      const report = await testFlow(loaded);
      reports.push(report);
      if (report.failed > 0) allPassed = false;
      // A blank line between flows keeps long runs (test flows/*.json) readable.
      if (!values.json) io.out(`${reports.length > 1 ? '\n' : ''}${formatTestReport(report)}`);
    } catch (error) {
      // An invalid flow fails the run but does not stop the other files from being tested.
      if (!(error instanceof InvalidFlowError)) throw error;
      io.err(`callflow: ${error.message}\n`);
      allPassed = false;
    }
  }
  if (values.json) io.out(`${JSON.stringify(reports, null, 2)}\n`);
  else if (reports.length > 1) io.out(`\n${formatTotals(reports)}`);
  return allPassed ? ExitCode.ok : ExitCode.failed;
}
