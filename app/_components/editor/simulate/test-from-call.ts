// "Save this call as a test": the test case a simulated call becomes, with the expectations proposed from its trace.

import type { SimulationTrace } from '../../../../flow-engine/simulator';
import { MASK } from '../../../../flow-engine/simulator/simulated-call';
import type { TestCase, TestExpectation } from '../../../../flow-engine/test-case';
import type { CallScript } from './interactive-call';

/** Expectations the tester can keep or drop: the visited nodes, where and how the call ended, each variable. */
export interface ProposedExpectations {
  visits: string[];
  end: string;
  reason: string;
  /** Variables that hold a value a test can state (not null, not masked). */
  vars: Record<string, unknown>;
}

export interface ChosenExpectations {
  visits: boolean;
  end: boolean;
  /** Names of the proposed variables to keep. */
  vars: string[];
}

/**
 * What the call did, as expectations: every node visited after start (in order, a repeat kept once when it
 * follows itself), the end node and reason, and the variables with a value that can be written down.
 */
export function proposeExpectations(trace: Pick<SimulationTrace, 'path' | 'end' | 'vars'>): ProposedExpectations {
  const visits: string[] = [];
  for (const node of trace.path) {
    if (node === 'start' || visits.at(-1) === node) continue;
    visits.push(node);
  }
  const vars: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(trace.vars)) {
    if (value === null || value === undefined || value === MASK) continue;
    vars[name] = value;
  }
  return { visits, end: trace.end.node, reason: trace.end.reason, vars };
}

/** Why a test case cannot be saved under this name (empty, too long, taken), or null. */
export function testNameProblem(name: string, existing: readonly TestCase[]): 'empty' | 'tooLong' | 'taken' | null {
  const trimmed = name.trim();
  if (!trimmed) return 'empty';
  if (trimmed.length > 200) return 'tooLong';
  if (existing.some((t) => t.name === trimmed)) return 'taken';
  return null;
}

/** The test case: the call's setup, inputs and mocks as run, and the chosen expectations. */
export function testCaseFromCall(
  name: string,
  script: CallScript,
  proposed: ProposedExpectations,
  chosen: ChosenExpectations,
): TestCase {
  const expect: TestExpectation = {};
  if (chosen.visits && proposed.visits.length > 0) expect.visits = [...proposed.visits];
  if (chosen.end) {
    expect.end = proposed.end;
    expect.reason = proposed.reason;
  }
  const vars = Object.fromEntries(
    chosen.vars.filter((v) => Object.hasOwn(proposed.vars, v)).map((v) => [v, proposed.vars[v]]),
  );
  if (Object.keys(vars).length > 0) expect.vars = vars;
  return {
    name: name.trim(),
    call: { ...script.call },
    inputs: [...script.inputs],
    ...(Object.keys(script.mocks).length > 0 ? { mocks: structuredClone(script.mocks) } : {}),
    expect,
  };
}
