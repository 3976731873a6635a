// pathDiff(): a failing test's expected path against the path its call took, as the canvas marks and the panel's lists.

import { describe, expect, it } from 'vitest';
import { pathDiff } from '../../../app/_components/editor/tests/path-diff';
import { runSimulation } from '../../../flow-engine/simulator/simulate';
import { compile } from '../../../flow-engine/compile/compile';
import { flow, node, tts } from '../../flow-engine/support/build-flow';

// start → menu; 1 → mark → sales (queue); 2 → support; silence/invalid → lost.
const hotline = flow(
  [
    node('menu', 'menu', { prompt: tts('1 sales, 2 support'), options: [{ key: '1' }, { key: '2' }], maxAttempts: 1 }),
    node('mark', 'set', { assignments: [{ variable: 'dept', value: '"sales"' }] }),
    node('sales', 'queue', { skillGroup: { ref: 'sales' } }),
    node('support', 'hangup', { prompt: tts('Visit our website') }),
    node('lost', 'hangup'),
  ],
  [
    'start:next->menu',
    'menu:1->mark',
    'mark:next->sales',
    'menu:2->support',
    'menu:noInput->lost',
    'menu:invalid->lost',
  ],
  { variables: [{ name: 'dept', type: 'string' }] },
);
const traceOf = (inputs: string[]) => runSimulation(compile(hotline), { inputs });

describe('pathDiff', () => {
  it('a call that went to support where sales was expected: sales path expected-only, support actual-only, shared nodes both', async () => {
    const diff = pathDiff(hotline, { visits: ['menu', 'mark', 'sales'], end: 'sales' }, await traceOf(['2']));
    expect(diff.expected).toEqual(['menu', 'mark', 'sales']);
    expect(diff.actual).toEqual(['start', 'menu', 'support']);
    expect(diff.marks.nodes).toEqual({
      menu: 'both',
      mark: 'expected-only',
      sales: 'expected-only',
      start: 'both',
      support: 'actual-only',
    });
    expect(diff.expectedOnly).toEqual(['mark', 'sales']);
    // Every call begins at the start node: it is never "reached but not expected".
    expect(diff.actualOnly).toEqual(['support']);
    expect(diff.both).toEqual(['menu', 'start']);
    expect(diff.outOfOrder).toEqual([]);
    expect(diff.endMismatch).toEqual({ expected: 'sales', actual: 'support' });
    // The edges the call took: start→menu (e1) and menu's key 2 (e4).
    expect(diff.marks.edges).toEqual({ e1: 'actual', e4: 'actual' });
  });

  it('an expected node the call reached out of order is listed as out of order, not as "expected but not reached"', async () => {
    const diff = pathDiff(hotline, { visits: ['sales', 'menu'] }, await traceOf(['1']));
    // "sales" matched first, then "menu" never comes after it; but the call did reach "menu".
    expect(diff.marks.nodes?.sales).toBe('both');
    expect(diff.marks.nodes?.menu).toBe('both');
    expect(diff.expectedOnly).toEqual([]);
    expect(diff.outOfOrder).toEqual(['menu']);
    expect(diff.endMismatch).toBeUndefined();
  });

  it('an expected end the call passed through but did not end at is reached: only the end sentence says so', async () => {
    // Key 1 passes mark and ends in the sales queue; the test wants it to end at mark.
    const diff = pathDiff(hotline, { visits: ['menu'], end: 'mark' }, await traceOf(['1']));
    expect(diff.endMismatch).toEqual({ expected: 'mark', actual: 'sales' });
    expect(diff.expectedOnly).toEqual([]);
    expect(diff.marks.nodes).toMatchObject({ menu: 'both', mark: 'both', sales: 'actual-only', start: 'both' });
  });

  it('the end is added to the expected path when it is not the last visit, and a matching end is not a mismatch', async () => {
    const diff = pathDiff(hotline, { visits: ['menu'], end: 'lost' }, await traceOf(['']));
    expect(diff.expected).toEqual(['menu', 'lost']);
    expect(diff.endMismatch).toBeUndefined();
    expect(diff.expectedOnly).toEqual([]);
    expect(diff.marks.nodes).toMatchObject({ menu: 'both', lost: 'both', start: 'both' });
  });

  it("a subflow's inner nodes (subflowNode/inner) are listed nowhere on the canvas", async () => {
    const trace = await traceOf(['2']);
    const withInner = { ...trace, path: [...trace.path.slice(0, 2), 'menu/inner', ...trace.path.slice(2)] };
    const diff = pathDiff(hotline, { visits: ['menu/inner'] }, withInner);
    expect(diff.actual).toEqual(['start', 'menu', 'support']);
    expect(Object.keys(diff.marks.nodes ?? {})).not.toContain('menu/inner');
  });
});
