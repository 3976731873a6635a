// The difference between the path a test case expects and the path its call took, as canvas marks and lists.

import type { FlowDocument } from '../../../../flow-engine/document';
import type { SimulationTrace } from '../../../../flow-engine/simulator/simulate';
import type { TestExpectation } from '../../../../flow-engine/test-case';
import type { CanvasMarks } from '../store/canvas-marks';

/** expected-only: expected but not reached (in the expected order, or as the end); actual-only: visited, not expected. */
export type DiffMark = 'expected-only' | 'actual-only' | 'both';

export interface PathDiff {
  /** `expect.visits`, then `expect.end` when it is not the last visit. */
  expected: string[];
  /** The flow's own nodes in visit order (a subflow's inner nodes are left out: the canvas shows the subflow node). */
  actual: string[];
  expectedOnly: string[];
  actualOnly: string[];
  both: string[];
  /** The expected end when the call ended elsewhere. */
  endMismatch?: { expected: string; actual: string };
  marks: CanvasMarks;
}

const isOwnNode = (id: string) => !id.includes('/');

/**
 * Compare a test's expected path with a trace, the way checkExpectations() judges it: `visits` is an ordered
 * subsequence, so an expected node reached only out of order counts as not reached.
 * @example
 * pathDiff(doc, { visits: ['menu', 'sales'] }, trace).marks.nodes; // { menu: 'both', sales: 'expected-only', support: 'actual-only', … }
 */
export function pathDiff(doc: FlowDocument, expect: TestExpectation, trace: SimulationTrace): PathDiff {
  const visits = expect.visits ?? [];
  const expected = expect.end !== undefined && visits.at(-1) !== expect.end ? [...visits, expect.end] : [...visits];

  const missed = new Set<string>();
  let at = 0;
  for (const node of trace.path) if (at < visits.length && node === visits[at]) at++;
  for (const node of visits.slice(at)) missed.add(node);
  const endMismatch = expect.end !== undefined && expect.end !== trace.end.node ? { expected: expect.end, actual: trace.end.node } : undefined;
  if (endMismatch) missed.add(endMismatch.expected);

  const actual = dedupe(trace.path.filter(isOwnNode));
  const actualSet = new Set(actual);
  const expectedSet = new Set(expected);
  const nodes: Record<string, DiffMark> = {};
  for (const node of [...expected, ...actual]) {
    nodes[node] = missed.has(node) ? 'expected-only' : expectedSet.has(node) && actualSet.has(node) ? 'both' : actualSet.has(node) ? 'actual-only' : 'expected-only';
  }

  // The edges the call took: each own step's port leads along the edge leaving that port.
  const edges: Record<string, string> = {};
  for (const step of trace.steps) {
    if (step.port === null || !isOwnNode(step.node)) continue;
    const edge = doc.edges.find((e) => e.source === step.node && e.port === step.port);
    if (edge) edges[edge.id] = 'actual';
  }

  const own = Object.entries(nodes).filter(([id]) => isOwnNode(id));
  const pick = (mark: DiffMark) => own.filter(([, m]) => m === mark).map(([id]) => id);
  return {
    expected,
    actual,
    expectedOnly: pick('expected-only'),
    actualOnly: pick('actual-only'),
    both: pick('both'),
    endMismatch,
    marks: { nodes: Object.fromEntries(own), edges },
  };
}

function dedupe(ids: string[]): string[] {
  return [...new Set(ids)];
}
