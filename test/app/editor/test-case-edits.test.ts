// The tests panel's edits of `doc.tests`: rename, delete, expectations, and the value syntax of expected variables.

import { describe, expect, it } from 'vitest';
import {
  deleteTest,
  parseVarValue,
  renameTest,
  testNameProblem,
  updateExpectation,
} from '../../../app/_components/editor/tests/test-case-edits';
import type { TestCase } from '../../../flow-engine/test-case';

const tests: TestCase[] = [
  { name: 'Sales', inputs: ['1'], expect: { visits: ['menu', 'sales'], end: 'sales' } },
  { name: 'Support', inputs: ['2'], expect: { end: 'support', vars: { dept: 'support' } } },
];

describe('test case edits', () => {
  it('renames one case (trimmed) and leaves the others as they were', () => {
    const next = renameTest(tests, 1, '  Support line  ');
    expect(next.map((t) => t.name)).toEqual(['Sales', 'Support line']);
    expect(next[0]).toBe(tests[0]);
  });

  it('refuses an empty name and a name another case has', () => {
    expect(testNameProblem(tests, 1, '  ')).toBe('empty');
    expect(testNameProblem(tests, 1, 'Sales ')).toBe('duplicate');
    expect(testNameProblem(tests, 0, 'Sales')).toBeUndefined();
  });

  it('deletes one case', () => {
    expect(deleteTest(tests, 0).map((t) => t.name)).toEqual(['Support']);
  });

  it('replaces expectations and drops emptied ones', () => {
    const next = updateExpectation(tests, 0, { visits: [], end: 'support' });
    expect(next[0]?.expect).toEqual({ end: 'support' });
    const noVars = updateExpectation(tests, 1, { vars: {}, end: undefined });
    expect(noVars[1]?.expect).toEqual({});
    expect(noVars[1]?.inputs).toEqual(['2']);
  });

  it('reads expected variable values as JSON and says when a value is not JSON', () => {
    expect(parseVarValue('"vip"')).toEqual({ ok: true, value: 'vip' });
    expect(parseVarValue('3')).toEqual({ ok: true, value: 3 });
    expect(parseVarValue('null')).toEqual({ ok: true, value: null });
    expect(parseVarValue('vip')).toEqual({ ok: false });
  });
});
