// coverageMarks() / coverageSummary(): what no test reached, painted as 'uncovered', and the top bar's percentage.

import { describe, expect, it } from 'vitest';
import { coverageMarks, coverageSummary } from '../../../app/_components/editor/coverage/coverage-marks';
import { runTests } from '../../../flow-engine/simulator/run-tests';
import { flow, node, tts } from '../../flow-engine/support/build-flow';

const menuFlow = flow(
  [
    node('menu', 'menu', { prompt: tts('1 sales, 2 support'), options: [{ key: '1' }, { key: '2' }], maxAttempts: 1 }),
    node('sales', 'hangup', { prompt: tts('Sales') }),
    node('support', 'hangup', { prompt: tts('Support') }),
    node('lost', 'hangup'),
  ],
  ['start:next->menu', 'menu:1->sales', 'menu:2->support', 'menu:noInput->lost', 'menu:invalid->lost'],
);

describe('coverage marks', () => {
  it('marks the nodes, ports and edges no test reached as uncovered, and nothing else', async () => {
    const report = await runTests({ ...menuFlow, tests: [{ name: 'sales', inputs: ['1'], expect: { end: 'sales' } }] });
    const marks = coverageMarks(report.coverage);
    expect(marks.nodes).toEqual({ support: 'uncovered', lost: 'uncovered' });
    expect(marks.ports).toEqual({ menu: { '2': 'uncovered', noInput: 'uncovered', invalid: 'uncovered' } });
    expect(marks.edges).toEqual({ e3: 'uncovered', e4: 'uncovered', e5: 'uncovered' });
  });

  it('the percentage counts nodes and ports together and is rounded down', async () => {
    const report = await runTests({ ...menuFlow, tests: [{ name: 'sales', inputs: ['1'], expect: { end: 'sales' } }] });
    // Nodes: start, menu, sales of 5. Ports: start.next, menu.1 of 5 (start.next, menu 1/2/noInput/invalid).
    expect(coverageSummary(report.coverage)).toEqual({
      percent: 50,
      nodes: { covered: 3, total: 5 },
      ports: { covered: 2, total: 5 },
    });
  });

  it('every path tested gives 100 and no marks', async () => {
    const report = await runTests({
      ...menuFlow,
      tests: [
        { name: '1', inputs: ['1'], expect: {} },
        { name: '2', inputs: ['2'], expect: {} },
        { name: 'silence', inputs: [''], expect: {} },
        { name: 'wrong key', inputs: ['9'], expect: {} },
      ],
    });
    expect(coverageSummary(report.coverage).percent).toBe(100);
    expect(coverageMarks(report.coverage)).toEqual({ nodes: {}, ports: {}, edges: {} });
  });

  it('99.5% shows as 99, not 100', () => {
    const coverage = {
      nodes: { covered: 199, total: 200, missed: ['x'] },
      edges: { covered: 0, total: 0, missed: [] },
      ports: { covered: 0, total: 0, missed: [] },
    };
    expect(coverageSummary(coverage).percent).toBe(99);
  });
});
