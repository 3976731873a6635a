// mockContradictions(): mocks that cannot happen are found — in --mock files (CLI) and in a flow's test cases (validate).

import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from '../../flow-engine/document';
import { mockContradictions } from '../../flow-engine/mock-contradictions';
import { validate } from '../../flow-engine/validate/index';

const at = { x: 0, y: 0 };
const nodes: FlowNode[] = [
  { id: 'crm', type: 'http', position: at, config: { url: 'https://crm.example.com/x' } },
  { id: 'sales', type: 'queue', position: at, config: { skillGroup: { ref: 'sales' }, maxWaitSeconds: 300 } },
  { id: 'vip', type: 'queue', position: at, config: { skillGroup: { ref: 'vip' } } },
];

describe('mockContradictions', () => {
  it('an http mock with a status and a timeout, or a body and a network error, is contradictory', () => {
    expect(mockContradictions({ http: { crm: { status: 200, timeout: true } } }, nodes)).toEqual([
      {
        table: 'http',
        key: 'crm',
        path: '/timeout',
        message: 'the http mock "crm" sets both "status" and "timeout"; a request ends one way only: keep one',
      },
    ]);
    expect(
      mockContradictions({ http: { crm: { body: {}, headers: {}, networkError: true } } }, nodes)[0]?.message,
    ).toBe('the http mock "crm" sets both "body"/"headers" and "networkError"; a request ends one way only: keep one');
    expect(mockContradictions({ http: { crm: { timeout: true, networkError: true } } }, nodes)).toHaveLength(1);
  });

  it('a queue answered after longer than its max wait is contradictory, by node id or skill group key', () => {
    expect(mockContradictions({ queue: { sales: { outcome: 'answered', waitSeconds: 301 } } }, nodes)).toEqual([
      {
        table: 'queue',
        key: 'sales',
        path: '/waitSeconds',
        message:
          'the queue mock "sales" is answered after 301 s, but queue node "sales" leaves by overflow after 300 s (maxWaitSeconds); answer within 300 s or use the outcome "overflow"',
      },
    ]);
    // "vip" has the default max wait of 600 s.
    expect(
      mockContradictions({ queue: { vip: { outcome: 'answered', waitSeconds: 601 } } }, nodes)[0]?.message,
    ).toContain('after 600 s');
  });

  it('consistent mocks are fine: one ending each, answered within the wait, overflow after it', () => {
    expect(
      mockContradictions(
        {
          http: { crm: { status: 503, body: { error: 'busy' } } },
          queue: { sales: { outcome: 'answered', waitSeconds: 300 }, vip: { outcome: 'overflow', waitSeconds: 900 } },
        },
        nodes,
      ),
    ).toEqual([]);
  });

  it('validate reports a contradictory mock in a test case at the mock field, as an error', () => {
    const flow: FlowDocument = {
      schemaVersion: 1,
      id: 'mocks',
      name: 'Mocks',
      languages: ['en-US'],
      defaultLanguage: 'en-US',
      variables: [],
      nodes: [{ id: 'start', type: 'start', position: at, config: {} }, ...nodes.slice(0, 2)],
      edges: [
        { id: 'e1', source: 'start', port: 'next', target: 'crm' },
        { id: 'e2', source: 'crm', port: 'ok', target: 'sales' },
        { id: 'e3', source: 'crm', port: 'error', target: 'sales' },
        { id: 'e4', source: 'crm', port: 'timeout', target: 'sales' },
      ],
      tests: [
        {
          name: 'impossible',
          mocks: {
            http: { crm: { status: 200, timeout: true } },
            queue: { sales: { outcome: 'answered', waitSeconds: 400 } },
          },
          expect: { end: 'sales' },
        },
      ],
    };
    const result = validate(flow);
    const issues = result.errors.filter((i) => i.rule === 'test-contradictory-mock');
    expect(result.valid).toBe(false);
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [
        '/tests/0/mocks/http/crm/timeout',
        'Test "impossible": the http mock "crm" sets both "status" and "timeout"; a request ends one way only: keep one.',
      ],
      [
        '/tests/0/mocks/queue/sales/waitSeconds',
        'Test "impossible": the queue mock "sales" is answered after 400 s, but queue node "sales" leaves by overflow after 300 s (maxWaitSeconds); answer within 300 s or use the outcome "overflow".',
      ],
    ]);
  });
});
