// Graph checks: start node, unique ids, dangling edges, ports, reachability, loops, duplicate port names.

import { describe, expect, it } from 'vitest';
import { validate } from '../../../flow-engine/validate/index';
import { issuesOf, loadFlow, onlyIssue } from './fixtures';

const good = ['minimal', 'every-node-type', 'menu-retry-loop'].map(
  (name) => [name, validate(loadFlow('good', name))] as const,
);

const graphRules = [
  'start-node',
  'duplicate-node-id',
  'duplicate-edge-id',
  'dangling-edge',
  'unknown-port',
  'duplicate-port-edge',
  'unconnected-port',
  'unreachable-node',
  'logic-loop',
  'duplicate-port',
];

describe('graph rules on good flows', () => {
  it.each(good)('good/%s has no graph issues', (_name, result) => {
    for (const rule of graphRules) expect(issuesOf(result, rule), rule).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('start-node', () => {
  it('a flow without a start node is refused at /nodes', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'no-start-node')), 'start-node');
    expect(issue).toMatchObject({ severity: 'error', path: '/nodes' });
    expect(issue.message).toContain('no start node');
  });

  it('a second start node is named', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'two-start-nodes')), 'start-node');
    expect(issue).toMatchObject({ nodeId: 'start2', path: '/nodes/3' });
    expect(issue.message).toContain('second start node');
  });
});

describe('duplicate ids', () => {
  it('a node id used twice is reported at the second node', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'duplicate-node-id')), 'duplicate-node-id');
    expect(issue).toMatchObject({ nodeId: 'welcome', path: '/nodes/3/id' });
    expect(issue.message).toContain('used by nodes 2 and 4');
  });

  it('an edge id used twice is reported at the second edge', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'duplicate-edge-id')), 'duplicate-edge-id');
    expect(issue).toMatchObject({ edgeId: 'e1', path: '/edges/1/id' });
    expect(issue.message).toContain('used by edges 1 and 2');
  });
});

describe('edges', () => {
  it('an edge to a deleted node is a dangling edge', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'dangling-edge')), 'dangling-edge');
    expect(issue).toMatchObject({ edgeId: 'e2', nodeId: 'welcome', path: '/edges/1/target' });
    expect(issue.message).toBe('Edge "e2" leads to node "gone", which does not exist.');
  });

  it('an edge from a menu key the menu does not offer lists the real ports', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'edge-from-missing-port')), 'unknown-port');
    expect(issue).toMatchObject({ nodeId: 'mainMenu', edgeId: 'k5', path: '/edges/6/port' });
    expect(issue.message).toContain('by port "5", which it does not have; its ports are 1, 2, noInput, invalid');
  });

  it('two edges from one port are refused', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'two-edges-from-one-port')), 'duplicate-port-edge');
    expect(issue).toMatchObject({ nodeId: 'mainMenu', edgeId: 'k0b', path: '/edges/6/port' });
    expect(issue.message).toContain('port "1" has two edges ("k0" and "k0b")');
  });

  it('a port that may not end the call must be connected', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'unconnected-menu-port')), 'unconnected-port');
    expect(issue).toMatchObject({ nodeId: 'mainMenu', path: '/nodes/2' });
    expect(issue.message).toContain('port "noInput" (No input) is not connected');
  });

  it('ports that may end the call (play next, queue answered) may stay unconnected', () => {
    const result = validate(loadFlow('good', 'subflow-caller'));
    expect(issuesOf(result, 'unconnected-port')).toEqual([]);
  });
});

describe('reachability and loops', () => {
  it('a node no edge leads to is unreachable', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'unreachable-node')), 'unreachable-node');
    expect(issue).toMatchObject({ nodeId: 'orphan', path: '/nodes/3' });
    expect(issue.message).toContain('cannot be reached from the start node');
  });

  it('a loop of logic nodes only (set → condition → set) is refused once, naming its nodes', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'logic-loop')), 'logic-loop');
    expect(issue).toMatchObject({ nodeId: 'count', path: '/nodes/1' });
    expect(issue.message).toContain('Nodes "count", "again" form a loop without any caller input');
  });

  it('a loop through a menu waits for the caller and is allowed', () => {
    expect(issuesOf(validate(loadFlow('good', 'menu-retry-loop')), 'logic-loop')).toEqual([]);
  });
});

describe('duplicate-port', () => {
  it('a menu key used twice points at the second option', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'duplicate-menu-key')), 'duplicate-port');
    expect(issue).toMatchObject({ nodeId: 'mainMenu', path: '/nodes/2/config/options/2/key' });
    expect(issue.message).toBe('Node "mainMenu": key "1" is used by option 1 and option 3; each must be different.');
  });

  it('a condition rule named like the built-in else port is refused', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'condition-rule-named-else')), 'duplicate-port');
    expect(issue).toMatchObject({ nodeId: 'isVip', path: '/nodes/1/config/rules/0/name' });
    expect(issue.message).toContain('rule 1 is named "else", which is already a built-in port');
  });
});
