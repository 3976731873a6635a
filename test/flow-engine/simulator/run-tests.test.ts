// runTests() checks each case's expectations and reports node and edge coverage across all cases.

import { expect, test } from 'vitest';
import { runTests } from '../../../flow-engine/simulator';
import type { FlowDocument } from '../../../flow-engine/document';
import { flow, node, tts } from '../support/build-flow';

function hotline(tests: FlowDocument['tests']): FlowDocument {
  const f = flow(
    [
      node('menu', 'menu', {
        prompt: tts('1 sales, 2 support'),
        options: [{ key: '1' }, { key: '2' }],
        maxAttempts: 1,
      }),
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
      'sales:overflow->lost',
      'sales:noAgents->lost',
      'sales:callback->lost',
    ],
    { variables: [{ name: 'dept', type: 'string' }] },
  );
  return { ...f, tests };
}

test('passing cases pass, and coverage counts the nodes and edges they used', async () => {
  const report = await runTests(
    hotline([
      {
        name: 'sales',
        inputs: ['1'],
        expect: { visits: ['menu', 'sales'], end: 'sales', reason: 'queued', vars: { dept: 'sales' } },
      },
      { name: 'support', inputs: ['2'], expect: { visits: ['start', 'support'], end: 'support', reason: 'hangup' } },
    ]),
  );
  expect(report.passed).toBe(2);
  expect(report.failed).toBe(0);
  expect(report.cases.map((c) => [c.name, c.passed, c.failures])).toEqual([
    ['sales', true, []],
    ['support', true, []],
  ]);
  expect(report.coverage.nodes).toEqual({ covered: 5, total: 6, missed: ['lost'] });
  expect(report.coverage.edges).toEqual({ covered: 4, total: 9, missed: ['e5', 'e6', 'e7', 'e8', 'e9'] });
});

test('port coverage counts every exit of every node, connected or not, and names the ones no case left by', async () => {
  const report = await runTests(
    hotline([
      { name: 'sales', inputs: ['1'], expect: { end: 'sales' } },
      { name: 'support', inputs: ['2'], expect: { end: 'support' } },
    ]),
  );
  expect(report.coverage.ports).toEqual({
    covered: 5,
    total: 10,
    missed: [
      { node: 'menu', port: 'noInput' },
      { node: 'menu', port: 'invalid' },
      { node: 'sales', port: 'overflow' },
      { node: 'sales', port: 'noAgents' },
      { node: 'sales', port: 'callback' },
    ],
  });
});

test('each unmet expectation is reported as a sentence', async () => {
  const report = await runTests(
    hotline([
      {
        name: 'wrong on every count',
        inputs: ['1'],
        expect: { visits: ['support', 'menu'], end: 'support', reason: 'hangup', vars: { dept: 'support' } },
      },
    ]),
  );
  expect(report.failed).toBe(1);
  expect(report.cases[0]?.failures).toEqual([
    'Expected the call to visit "support", "menu" in that order, but it never reached "support" after the earlier ones (path: start → menu → mark → sales).',
    'Expected the call to end at "support", but it ended at "sales" (queued).',
    'Expected the call to end with reason "hangup", but the reason was "queued".',
    'Expected the variable "dept" to be "support", but it was "sales".',
  ]);
});

test('visits is an ordered subsequence: right nodes in the wrong order fail', async () => {
  const report = await runTests(hotline([{ name: 'order', inputs: ['1'], expect: { visits: ['sales', 'menu'] } }]));
  expect(report.cases[0]?.passed).toBe(false);
  const inOrder = await runTests(hotline([{ name: 'order', inputs: ['1'], expect: { visits: ['start', 'sales'] } }]));
  expect(inOrder.cases[0]?.passed).toBe(true);
});

test('vars are compared by deep equality', async () => {
  const f = flow(
    [
      node('set', 'set', { assignments: [{ variable: 'crm', value: '{"tier": "vip", "orders": [1, 2]}' }] }),
      node('bye', 'hangup'),
    ],
    ['start:next->set', 'set:next->bye'],
    {
      variables: [{ name: 'crm', type: 'object' }],
    },
  );
  const report = await runTests({
    ...f,
    tests: [{ name: 'object', expect: { vars: { crm: { orders: [1, 2], tier: 'vip' } } } }],
  });
  expect(report.cases[0]?.failures).toEqual([]);
});

test('a flow without tests reports no cases and nothing covered', async () => {
  const report = await runTests(hotline(undefined));
  expect(report).toMatchObject({ cases: [], passed: 0, failed: 0 });
  expect(report.coverage.nodes.covered).toBe(0);
  expect(report.coverage.ports).toMatchObject({ covered: 0, total: 10 });
});
