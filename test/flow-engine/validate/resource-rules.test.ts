// Resource checks: unknown keys, subflow cycles, invalid subflows (only when a resolver is given).

import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../../flow-engine/document';
import { resolverFromBundle, type ResourceBundle } from '../../../flow-engine/resources';
import { validate } from '../../../flow-engine/validate/index';
import { issuesOf, loadFlow, onlyIssue } from './fixtures';

const flow = (kind: 'good' | 'bad', name: string) => loadFlow(kind, name) as unknown as FlowDocument;

const officeHours = {
  timezone: 'Asia/Shanghai',
  weekly: { mon: [{ from: '09:00', to: '18:00' }] },
  holidays: [],
  specialDays: [],
};

/** Everything good/every-node-type refers to. */
const retailBundle: ResourceBundle = {
  skillGroups: { sales: { name: 'Sales' } },
  schedules: { office: officeHours },
  subflows: { 'identify-caller': flow('good', 'subflow-identify-caller') },
};

describe('unknown-resource', () => {
  it('every ref of a good flow resolves', () => {
    const result = validate(loadFlow('good', 'every-node-type'), { resources: resolverFromBundle(retailBundle) });
    expect(result).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('a skill group key the environment does not know is refused', () => {
    const result = validate(loadFlow('bad', 'unknown-skill-group'), { resources: resolverFromBundle(retailBundle) });
    const issue = onlyIssue(result, 'unknown-resource');
    expect(issue).toMatchObject({ nodeId: 'sales', path: '/nodes/1/config/skillGroup' });
    expect(issue.message).toBe('Node "sales" uses the skill group "salse", which is not defined in this environment.');
  });

  it('without a resolver, keys are not checked', () => {
    expect(issuesOf(validate(loadFlow('bad', 'unknown-skill-group')), 'unknown-resource')).toEqual([]);
  });
});

describe('subflows', () => {
  it('a subflow that calls the flow back is a cycle', () => {
    const main = flow('good', 'subflow-caller');
    const resources = resolverFromBundle({
      skillGroups: { sales: { name: 'Sales' } },
      subflows: { 'identify-caller': flow('bad', 'subflow-calls-parent'), 'main-line': main },
    });
    const issue = onlyIssue(validate(main, { resources }), 'subflow-cycle');
    expect(issue).toMatchObject({ nodeId: 'identify', path: '/nodes/1/config/flow' });
    expect(issue.message).toContain('("main-line" → "identify-caller" → "main-line")');
  });

  it('a subflow that calls itself is a cycle', () => {
    const selfCalling = flow('bad', 'subflow-calls-parent');
    const resources = resolverFromBundle({ subflows: { 'main-line': selfCalling } });
    const issue = onlyIssue(validate(selfCalling, { resources }), 'subflow-cycle');
    expect(issue.nodeId).toBe('backToMain');
  });

  it('an invalid subflow is reported at the node that calls it, with its first problem', () => {
    const resources = resolverFromBundle({
      skillGroups: { sales: { name: 'Sales' } },
      subflows: { 'identify-caller': flow('bad', 'subflow-with-dangling-edge') },
    });
    const issue = onlyIssue(validate(loadFlow('good', 'subflow-caller'), { resources }), 'invalid-subflow');
    expect(issue).toMatchObject({ nodeId: 'identify', path: '/nodes/1/config/flow' });
    expect(issue.message).toContain('subflow "identify-caller" has 2 problems, first: Edge "e2" leads to node "gone"');
  });

  it('a valid subflow of kind subflow passes', () => {
    const resources = resolverFromBundle({
      skillGroups: { sales: { name: 'Sales' } },
      subflows: { 'identify-caller': flow('good', 'subflow-identify-caller') },
    });
    expect(validate(loadFlow('good', 'subflow-caller'), { resources })).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
  });

  it('calling a flow not marked as a subflow is a warning', () => {
    const resources = resolverFromBundle({
      skillGroups: { sales: { name: 'Sales' } },
      subflows: { 'identify-caller': flow('good', 'minimal') },
    });
    const issue = onlyIssue(validate(loadFlow('good', 'subflow-caller'), { resources }), 'subflow-kind');
    expect(issue).toMatchObject({ severity: 'warning', nodeId: 'identify' });
  });
});
