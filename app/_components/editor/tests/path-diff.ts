// The difference between the path a test case expects and the path its call took, as canvas marks and lists.

import type { FlowDocument } from '../../../../flow-engine/document';
import type { SimulationTrace } from '../../../../flow-engine/simulator/simulate';
import type { TestExpectation } from '../../../../flow-engine/test-case';
import type { CanvasMarks } from '../store/canvas-marks';

/**
 * expected-only: expected but never reached; actual-only: visited, not expected; both: expected and reached (the start
 * node is always expected: every call begins there).
 */
export type DiffMark = 'expected-only' | 'actual-only' | 'both';

export interface PathDiff {
  /** `expect.visits`, then `expect.end` when it is not the last visit. */
  expected: string[];
  /** The flow's own nodes in visit order (a subflow's inner nodes are left out: the canvas shows the subflow node). */
  actual: string[];
  expectedOnly: string[];
  actualOnly: string[];
  both: string[];
  /** Expected and reached, but not in the expected order (checkExpectations fails the visits for it); also in `both`. */
  outOfOrder: string[];
  /** The expected end when the call ended elsewhere. */
  endMismatch?: { expected: string; actual: string };
  marks: CanvasMarks;
}

const isOwnNode = (id: string) => !id.includes('/');

/**
 * Compare a test's expected path with a trace. A node is "not reached" only when the call never reached it; one
 * reached out of the expected order (`visits` is an ordered subsequence for checkExpectations) is listed apart.
 * @example
 * pathDiff(doc, { visits: ['menu', 'sales'] }, trace).marks.nodes; // { start: 'both', menu: 'both', sales: 'expected-only', support: 'actual-only', … }
 */
export function pathDiff(doc: FlowDocument, expect: TestExpectation, trace: SimulationTrace): PathDiff {
  const visits = expect.visits ?? [];
  const expected = expect.end !== undefined && visits.at(-1) !== expect.end ? [...visits, expect.end] : [...visits];

  const actual = dedupe(trace.path.filter(isOwnNode));
  const actualSet = new Set(actual);
  // Visits the ordered match skipped although the call reached them: out of order, not missing.
  let at = 0;
  for (const node of trace.path) if (at < visits.length && node === visits[at]) at++;
  const outOfOrder = dedupe(visits.slice(at).filter((node) => actualSet.has(node) && isOwnNode(node)));
  const endMismatch =
    expect.end !== undefined && expect.end !== trace.end.node
      ? { expected: expect.end, actual: trace.end.node }
      : undefined;

  // Every call begins at the start node: a test need not name it.
  const startIds = new Set(doc.nodes.filter((n) => n.type === 'start').map((n) => n.id));
  const expectedSet = new Set([...expected, ...startIds]);
  const nodes: Record<string, DiffMark> = {};
  for (const node of [...expected, ...actual]) {
    nodes[node] = !actualSet.has(node) ? 'expected-only' : expectedSet.has(node) ? 'both' : 'actual-only';
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
    outOfOrder,
    endMismatch,
    marks: { nodes: Object.fromEntries(own), edges },
  };
}

function dedupe(ids: string[]): string[] {
  return [...new Set(ids)];
}
