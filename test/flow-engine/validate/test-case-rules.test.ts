// Test-case checks: expectations and mocks name nodes, variables and skill groups of this flow.

import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { validate } from '../../../flow-engine/validate/index';
import { issuesOf, loadFlow, onlyIssue } from './fixtures';

describe('test cases', () => {
  it('a good flow with a test naming its own nodes, mocks and variables has no test issues', () => {
    const result = validate(loadFlow('good', 'every-node-type'));
    for (const rule of ['test-unknown-node', 'test-unknown-mock', 'test-unknown-variable', 'duplicate-test-name']) {
      expect(issuesOf(result, rule), rule).toEqual([]);
    }
  });

  it('expected visits and end nodes that do not exist are reported at each entry', () => {
    const issues = issuesOf(validate(loadFlow('bad', 'test-expects-unknown-node')), 'test-unknown-node');
    expect(issues.map((i) => i.path)).toEqual(['/tests/0/expect/visits/1', '/tests/0/expect/end']);
    expect(issues[0]!.message).toBe(
      'Test "Key 1 says goodbye": expected visit "salesQueue" is not a node of this flow.',
    );
    expect(issues[1]!.message).toContain('expected end node "bye"');
  });

  it('mocks keyed by missing nodes, nodes of another type or unknown skill groups are reported', () => {
    const issues = issuesOf(validate(loadFlow('bad', 'test-mock-unknown-node')), 'test-unknown-mock');
    expect(issues.map((i) => i.path)).toEqual([
      '/tests/0/mocks/http/crmLookup',
      '/tests/0/mocks/queue/support',
      '/tests/0/mocks/transfer/mainMenu',
    ]);
    expect(issues[0]!.message).toContain('"crmLookup" is not an HTTP request node');
    expect(issues[1]!.message).toContain('is not a queue node or skill group');
    expect(issues[2]!.message).toContain('names a menu node; transfer mocks answer a transfer node');
  });

  it('queue mocks may use the skill group key instead of the node id', () => {
    // every-node-type mocks queue "sales", the skill group of node salesQueue.
    expect(issuesOf(validate(loadFlow('good', 'every-node-type')), 'test-unknown-mock')).toEqual([]);
  });

  it('expected variables must be declared, and test names unique', () => {
    const result = validate(loadFlow('bad', 'test-expects-unknown-variable'));
    const variable = onlyIssue(result, 'test-unknown-variable');
    expect(variable.path).toBe('/tests/0/expect/vars/tier');
    expect(variable.message).toContain('expects variable "tier", which is not declared');
    const name = onlyIssue(result, 'duplicate-test-name');
    expect(name.path).toBe('/tests/1/name');
    expect(name.message).toContain('Tests 1 and 2 are both named "Key 1"');
  });

  it('mocks may name a node inside a called subflow, qualified by the subflow node or by its own id', () => {
    const sub: FlowDocument = {
      schemaVersion: 1,
      id: 'lookup-sub',
      name: 'Lookup',
      kind: 'subflow',
      languages: ['en-US'],
      defaultLanguage: 'en-US',
      variables: [],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
        { id: 'crm', type: 'http', position: { x: 200, y: 0 }, config: { url: 'https://crm.example.com/x' } },
      ],
      edges: [{ id: 'e1', source: 'start', port: 'next', target: 'crm' }],
    };
    const parent: FlowDocument = {
      schemaVersion: 1,
      id: 'parent',
      name: 'Parent',
      languages: ['en-US'],
      defaultLanguage: 'en-US',
      variables: [],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
        { id: 'identify', type: 'subflow', position: { x: 200, y: 0 }, config: { flow: { ref: 'lookup' } } },
      ],
      edges: [{ id: 'e1', source: 'start', port: 'next', target: 'identify' }],
      tests: [
        { name: 'qualified', mocks: { http: { 'identify/crm': { status: 200 } } }, expect: { end: 'identify' } },
        { name: 'plain', mocks: { http: { crm: { status: 200 } } }, expect: { end: 'identify' } },
        {
          name: 'wrong type',
          mocks: { transfer: { 'identify/crm': { outcome: 'busy' } } },
          expect: { end: 'identify' },
        },
      ],
    };
    const issues = issuesOf(
      validate(parent, { resources: resolverFromBundle({ subflows: { lookup: sub } }) }),
      'test-unknown-mock',
    );
    expect(issues.map((i) => i.path)).toEqual(['/tests/2/mocks/transfer/identify~1crm']);
  });
});
