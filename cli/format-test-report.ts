// Human-readable `callflow test` output: pass/fail per case with reasons, then node, edge and exit coverage.

import type { TestReport } from '../flow-engine/simulator';

type Coverage = TestReport['coverage']['nodes'];

function coverageLine(
  label: string,
  coverage: Pick<Coverage, 'covered' | 'total'> & { missed: readonly string[] },
): string {
  const percent = coverage.total === 0 ? 100 : Math.round((coverage.covered / coverage.total) * 100);
  const missed = coverage.missed.length > 0 ? `; not reached: ${coverage.missed.join(', ')}` : '';
  return `  ${label} covered: ${coverage.covered}/${coverage.total} (${percent}%)${missed}`;
}

/**
 * e.g.
 * ```
 * flows/hotline.json (flow "retail-hotline")
 *   ✓ a VIP caller reaches the VIP queue
 *   ✗ a silent caller hears goodbye
 *       - the call ended at "menu", expected "goodbye"
 *   1 passed, 1 failed
 *   nodes covered: 7/8 (88%); not reached: closed
 *   edges covered: …
 *   exits covered: 9/12 (75%); not reached: menu.invalid, …
 * ```
 */
export function formatTestReport(report: TestReport & { file: string; flow: string }): string {
  const lines = [`${report.file} (flow "${report.flow}")`];
  if (report.cases.length === 0) lines.push('  no test cases in this flow');
  for (const testCase of report.cases) {
    lines.push(`  ${testCase.passed ? '✓' : '✗'} ${testCase.name}`);
    for (const failure of testCase.failures) lines.push(`      - ${failure}`);
  }
  lines.push(`  ${report.passed} passed, ${report.failed} failed`);
  const { ports } = report.coverage;
  lines.push(
    coverageLine('nodes', report.coverage.nodes),
    coverageLine('edges', report.coverage.edges),
    coverageLine('exits', { ...ports, missed: ports.missed.map((p) => `${p.node}.${p.port}`) }),
  );
  return `${lines.join('\n')}\n`;
}

/** The closing line of a run over several flows, e.g. `Total: 17 passed, 1 failed in 2 flows`. */
export function formatTotals(reports: readonly TestReport[]): string {
  const passed = reports.reduce((sum, r) => sum + r.passed, 0);
  const failed = reports.reduce((sum, r) => sum + r.failed, 0);
  return `Total: ${passed} passed, ${failed} failed in ${reports.length} flows\n`;
}
