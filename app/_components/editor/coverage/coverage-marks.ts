// Coverage of a test run as canvas marks (what no test reached) and as the percentage the top bar shows.

import type { TestReport } from '../../../../flow-engine/simulator/run-tests';
import type { CanvasMarks } from '../store/canvas-marks';

export type CoverageReport = TestReport['coverage'];

export interface CoverageSummary {
  /** Reached nodes and ports over all nodes and ports, rounded down so that 100 means nothing was missed. */
  percent: number;
  nodes: { covered: number; total: number };
  ports: { covered: number; total: number };
}

/**
 * Nodes, ports and edges no test reached, marked `uncovered` on the 'coverage' layer.
 * @example
 * coverageMarks(report.coverage).ports; // { mainMenu: { invalid: 'uncovered' } }
 */
export function coverageMarks(coverage: CoverageReport): CanvasMarks {
  const ports: Record<string, Record<string, string>> = {};
  for (const { node, port } of coverage.ports.missed) (ports[node] ??= {})[port] = 'uncovered';
  return {
    nodes: Object.fromEntries(coverage.nodes.missed.map((id) => [id, 'uncovered'])),
    ports,
    edges: Object.fromEntries(coverage.edges.missed.map((id) => [id, 'uncovered'])),
  };
}

/** What the percentage counts: every node and every exit (port) of the flow, each reached by at least one test. */
export function coverageSummary(coverage: CoverageReport): CoverageSummary {
  const covered = coverage.nodes.covered + coverage.ports.covered;
  const total = coverage.nodes.total + coverage.ports.total;
  return {
    percent: total === 0 ? 100 : Math.floor((covered / total) * 100),
    nodes: { covered: coverage.nodes.covered, total: coverage.nodes.total },
    ports: { covered: coverage.ports.covered, total: coverage.ports.total },
  };
}
