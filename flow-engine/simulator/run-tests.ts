// runTests(): runs a flow's test cases in the simulator, checks their expectations and measures coverage.

import { compile } from '../compile/compile';
import type { FlowDocument, FlowNode } from '../document';
import { getNodeDefinition } from '../nodes/index';
import type { ResourceResolver } from '../resources';
import type { TestCase } from '../test-case';
import { runSimulation, type SimulationTrace } from './simulate';
import { MASK } from '../compile/sensitive-values';

export interface TestCaseResult {
  name: string;
  passed: boolean;
  failures: string[];
  trace: SimulationTrace;
}

export interface Coverage {
  covered: number;
  total: number;
  missed: string[];
}

/** One exit of one node of the flow (subflows' inner nodes are not counted). */
export interface PortRef {
  node: string;
  port: string;
}

/** Ports are counted whether connected or not: an open port that may end the call is a path a test can miss too. */
export interface PortCoverage {
  covered: number;
  total: number;
  missed: PortRef[];
}

export interface TestReport {
  cases: TestCaseResult[];
  passed: number;
  failed: number;
  coverage: { nodes: Coverage; edges: Coverage; ports: PortCoverage };
}

/** Structural equality of JSON-like values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** The ports of a node as its type declares them for its config (none when the config does not parse). */
function portsOf(node: FlowNode): string[] {
  const definition = getNodeDefinition(node.type);
  if (!definition) return [];
  try {
    return definition.ports(definition.parseConfig(node)).map((p) => p.name);
  } catch {
    return [];
  }
}

const show = (value: unknown) => JSON.stringify(value) ?? 'undefined';

/** The expectation failures of one case, as sentences. */
export function checkExpectations(testCase: TestCase, trace: SimulationTrace): string[] {
  const failures: string[] = [];
  const { visits, end, reason, vars } = testCase.expect;
  if (visits) {
    let at = 0;
    for (const node of trace.path) if (at < visits.length && node === visits[at]) at++;
    if (at < visits.length) {
      failures.push(
        `Expected the call to visit ${visits.map((v) => `"${v}"`).join(', ')} in that order, but it never reached "${visits[at]}" after the earlier ones (path: ${trace.path.join(' → ')}).`,
      );
    }
  }
  if (end !== undefined && trace.end.node !== end) {
    failures.push(`Expected the call to end at "${end}", but it ended at "${trace.end.node}" (${trace.end.reason}).`);
  }
  if (reason !== undefined && trace.end.reason !== reason) {
    failures.push(
      `Expected the call to end with reason "${reason}", but the reason was "${trace.end.reason}"${trace.end.detail ? `: ${trace.end.detail}` : ''}.`,
    );
  }
  for (const [name, expected] of Object.entries(vars ?? {})) {
    const actual = Object.hasOwn(trace.vars, name) ? trace.vars[name] : undefined;
    if (deepEqual(actual, expected)) continue;
    // A sensitive variable shows masked: repeating the expected value would print what the mask hides.
    failures.push(
      actual === MASK
        ? `Expected the variable "${name}" to hold another value, but it is sensitive and shows as ${show(MASK)} in traces; expect ${show(MASK)}.`
        : `Expected the variable "${name}" to be ${show(expected)}, but it was ${show(actual)}.`,
    );
  }
  return failures;
}

/**
 * Run `flow.tests` and report pass/fail per case with node, edge and port coverage across all cases.
 * @example
 * const report = await runTests(flow);
 * report.failed; // 0
 * report.coverage.nodes; // { covered: 12, total: 14, missed: ['holidayMsg', 'vmail'] }
 */
export async function runTests(
  flow: FlowDocument,
  options: { resources?: ResourceResolver } = {},
): Promise<TestReport> {
  const compiled = compile(flow, { resources: options.resources });
  const cases: TestCaseResult[] = [];
  const visited = new Set<string>();
  const taken = new Set<string>();
  for (const testCase of flow.tests ?? []) {
    const trace = await runSimulation(compiled, testCase);
    const failures = checkExpectations(testCase, trace);
    cases.push({ name: testCase.name, passed: failures.length === 0, failures, trace });
    for (const node of trace.path) visited.add(node);
    for (const step of trace.steps) if (step.port !== null) taken.add(`${step.node}\u0000${step.port}`);
  }
  const missedNodes = flow.nodes.filter((n) => !visited.has(n.id)).map((n) => n.id);
  const missedEdges = flow.edges.filter((e) => !taken.has(`${e.source}\u0000${e.port}`)).map((e) => e.id);
  const ports = flow.nodes.flatMap((n) => portsOf(n).map((port) => ({ node: n.id, port })));
  const missedPorts = ports.filter((p) => !taken.has(`${p.node}\u0000${p.port}`));
  const passed = cases.filter((c) => c.passed).length;
  return {
    cases,
    passed,
    failed: cases.length - passed,
    coverage: {
      nodes: { covered: flow.nodes.length - missedNodes.length, total: flow.nodes.length, missed: missedNodes },
      edges: { covered: flow.edges.length - missedEdges.length, total: flow.edges.length, missed: missedEdges },
      ports: { covered: ports.length - missedPorts.length, total: ports.length, missed: missedPorts },
    },
  };
}
