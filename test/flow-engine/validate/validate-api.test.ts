// The public API around validate(): formatIssue, ValidationError, a large generated flow.

import { describe, expect, it } from 'vitest';
import { formatIssue, validate, ValidationError, type ValidationIssue } from '../../../flow-engine/validate/index';
import { generateLargeFlow } from './large-flow';
import { loadFlow } from './fixtures';

const dangling: ValidationIssue = {
  rule: 'dangling-edge',
  code: 'dangling-edge-target',
  params: { edge: 'e2', missing: 'gone' },
  severity: 'error',
  message: 'Edge "e2" leads to node "gone", which does not exist.',
  path: '/edges/1/target',
  edgeId: 'e2',
};

describe('formatIssue', () => {
  it('renders severity, message, rule and path on one line', () => {
    expect(formatIssue(dangling)).toBe(
      'error: Edge "e2" leads to node "gone", which does not exist. [dangling-edge at /edges/1/target]',
    );
  });

  it('renders the document root as /', () => {
    expect(formatIssue({ ...dangling, rule: 'schema', path: '', message: 'The flow must be an object.' })).toBe(
      'error: The flow must be an object. [schema at /]',
    );
  });
});

describe('ValidationError', () => {
  it('carries the issues and summarises the first', () => {
    const { errors } = validate(loadFlow('bad', 'dangling-edge'));
    const error = new ValidationError(errors);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
    expect(error.issues).toBe(errors);
    expect(error.message).toBe(`The flow has 2 problems, first: ${formatIssue(errors[0]!)}`);
  });
});

describe('validate', () => {
  it('every good fixture is valid', () => {
    for (const name of ['minimal', 'every-node-type', 'menu-retry-loop', 'subflow-caller', 'subflow-identify-caller']) {
      expect(validate(loadFlow('good', name)), name).toEqual({ valid: true, errors: [], warnings: [] });
    }
  });

  it('a generated 1,000-node flow is valid', () => {
    const doc = generateLargeFlow(1000);
    expect(doc.nodes).toHaveLength(1000);
    expect(validate(doc)).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('one broken edge in a 1,000-node flow is found and named', () => {
    const doc = generateLargeFlow(1000);
    doc.edges[500]!.target = 'nowhere';
    const result = validate(doc);
    expect(result.errors.filter((i) => i.rule === 'dangling-edge').map((i) => i.edgeId)).toEqual([doc.edges[500]!.id]);
  });
});
