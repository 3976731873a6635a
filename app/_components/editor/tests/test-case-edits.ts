// Edits of a flow's test cases as pure functions over the `tests` list; the panel dispatches the result as updateFlow.

import type { TestCase, TestExpectation } from '../../../../flow-engine/test-case';

/** A name that is empty or already used by another case of the flow, as a reason; undefined when the name is fine. */
export function testNameProblem(
  tests: readonly TestCase[],
  index: number,
  name: string,
): 'empty' | 'duplicate' | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'empty';
  return tests.some((t, i) => i !== index && t.name.trim() === trimmed) ? 'duplicate' : undefined;
}

export function renameTest(tests: readonly TestCase[], index: number, name: string): TestCase[] {
  return tests.map((t, i) => (i === index ? { ...t, name: name.trim() } : t));
}

export function deleteTest(tests: readonly TestCase[], index: number): TestCase[] {
  return tests.filter((_, i) => i !== index);
}

/** Replace some expectations; an empty `visits`, an unset `end` or empty `vars` drop that key (no expectation). */
export function updateExpectation(
  tests: readonly TestCase[],
  index: number,
  patch: Partial<TestExpectation>,
): TestCase[] {
  return tests.map((t, i) => {
    if (i !== index) return t;
    const expect: TestExpectation = { ...t.expect, ...patch };
    if (expect.visits?.length === 0) delete expect.visits;
    if (expect.end === undefined || expect.end === '') delete expect.end;
    if (expect.vars && Object.keys(expect.vars).length === 0) delete expect.vars;
    return { ...t, expect };
  });
}

export type VarValueParse = { ok: true; value: unknown } | { ok: false };

/** An expected variable value as written in the form: JSON (`"vip"`, `3`, `true`, `null`, `{"a":1}`). */
export function parseVarValue(text: string): VarValueParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
