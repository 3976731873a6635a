// A breach of the evaluation and variable limits ends the call with reason error naming the node; validate refuses what it can see.

import { describe, expect, it } from 'vitest';
import { simulate } from '../../../flow-engine/simulator';
import { validate } from '../../../flow-engine/validate';
import { flow, node } from '../support/build-flow';

/** The hostile flow of the report: one `set` whose assignments build lists of texts and join them (~78 KB). */
function hostileFlow() {
  const lit = `"${'x'.repeat(100)}"`;
  const level = (v: string) => `[${Array(40).fill(v).join(',')}].join("")`;
  const assignments = Array.from({ length: 39 }, (_, i) => ({
    variable: 'out',
    value: `cel.bind(a, ${lit}, cel.bind(b, ${level('a')}, cel.bind(c, ${level('b')}, cel.bind(d, ${level('c')}, [${Array(50).fill('d').join(',')}].join("") + "${'y'.repeat(1200 + i)}"))))`,
  }));
  return flow(
    [node('build', 'set', { assignments }), node('bye', 'hangup')],
    ['start:next->build', 'build:next->bye'],
    {
      variables: [{ name: 'out', type: 'string' }],
    },
  );
}

describe('a set that builds gigabytes', () => {
  it('is about 78 KB of flow', () => {
    expect(JSON.stringify(hostileFlow()).length).toBeGreaterThan(70_000);
  });

  it('is refused by validate at the assignment, with the node and path', () => {
    const result = validate(hostileFlow());
    const issues = result.errors.filter((i) => i.rule === 'evaluation-too-large');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ nodeId: 'build', path: '/nodes/1/config/assignments/0/value' });
    expect(issues[0]!.message).toMatch(
      /^Node "build": assignment 1 value would exceed the limits of every call: A text in the expression grew longer than 100,000 characters at column \d+\.$/,
    );
  });

  it('ends a simulated call with reason error and a sentence naming the node, instead of crashing', async () => {
    const trace = await simulate(hostileFlow(), {});
    expect(trace.end).toMatchObject({ node: 'build', reason: 'error' });
    expect(trace.end.detail).toMatch(
      /^Node "build": the expression `cel\.bind.*` could not be evaluated: A text in the expression grew longer than 100,000 characters/,
    );
  });
});

describe('the variables of a call', () => {
  it('a value read from the call that is too large to keep ends the call at the node that stores it', async () => {
    const f = flow(
      [node('grow', 'set', { assignments: [{ variable: 'items', value: 'items + items' }] }), node('bye', 'hangup')],
      ['start:next->grow', 'grow:next->bye'],
      { variables: [{ name: 'items', type: 'object', default: Array.from({ length: 400 }, () => 'z'.repeat(200)) }] },
    );
    const trace = await simulate(f, {});
    expect(trace.end).toMatchObject({ node: 'grow', reason: 'error' });
    expect(trace.end.detail).toBe(
      'Node "grow": the value for "items" is too large to keep (a variable holds at most 10,000 values and 100,000 characters of text)',
    );
  });

  it('the variables together may hold at most 1,000,000 characters', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `v${i}`);
    const f = flow(
      [
        node('fill', 'set', { assignments: names.map((n) => ({ variable: n, value: 'chunk + chunk' })) }),
        node('bye', 'hangup'),
      ],
      ['start:next->fill', 'fill:next->bye'],
      {
        variables: [
          { name: 'chunk', type: 'string', default: 'c'.repeat(45_000) },
          ...names.map((name) => ({ name, type: 'string' as const })),
        ],
      },
    );
    const trace = await simulate(f, {});
    expect(trace.end).toMatchObject({ node: 'fill', reason: 'error' });
    expect(trace.end.detail).toBe(
      'Node "fill": storing "v11" would make the call\'s variables hold more than 100,000 values or 1,000,000 characters of text in all',
    );
  });
});
