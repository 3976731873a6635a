// The "require all tests to pass before publishing" check: runs the flow's test cases with the engine, as the
// browser and `callflow test` do, against this environment's resources.

import 'server-only';
import { CodedError } from '../coded-error';
import type { FlowDocument } from '../../../flow-engine/document';
import type { ResourceResolver } from '../../../flow-engine/resources';
import { runTests, SimulationSetupError, type TestReport } from '../../../flow-engine/simulator';

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');

/**
 * Runs `document`'s tests and returns the report when every one passes (a flow without tests passes); otherwise throws
 * PRECONDITION_FAILED naming each failing test and the first failure.
 */
export async function requirePassingTests(
  document: FlowDocument,
  resources: ResourceResolver,
  flowName: string,
): Promise<TestReport> {
  let report: TestReport;
  try {
    report = await runTests(document, { resources });
  } catch (error) {
    if (!(error instanceof SimulationSetupError)) throw error;
    throw new CodedError(
      'PRECONDITION_FAILED',
      'testsCannotRun',
      { name: flowName },
      `"${flowName}" cannot be published: its tests cannot run. ${error.message}`,
      error,
    );
  }
  const failing = report.cases.filter((result) => !result.passed);
  const [first] = failing;
  if (!first) return report;
  const count = failing.length === 1 ? '1 test fails' : `${failing.length} tests fail`;
  const message =
    `"${flowName}" cannot be published: publishing requires every test to pass, and ${count} of ${report.cases.length}: ${quoted(failing.map((f) => f.name))}. ` +
    `First failure ("${first.name}"): ${first.failures[0]}`;
  throw new CodedError(
    'PRECONDITION_FAILED',
    'testsFailing',
    { name: flowName, count: failing.length, total: report.cases.length, tests: quoted(failing.map((f) => f.name)) },
    message,
  );
}
