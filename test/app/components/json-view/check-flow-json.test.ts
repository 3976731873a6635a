// The JSON view's Apply: a syntax error names line and column, a schema misfit lists the problems, a changed id is refused.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFlowJson, flowJsonText } from '../../../../app/_components/json-view/check-flow-json';
import type { FlowDocument } from '../../../../flow-engine/document';

const flow = JSON.parse(
  readFileSync(new URL('../../../../templates/small-business.json', import.meta.url), 'utf8'),
) as FlowDocument;

describe('checkFlowJson', () => {
  it('accepts the document it shows, and an edit that fits the schema', () => {
    expect(checkFlowJson(flowJsonText(flow), flow.id)).toEqual({ ok: true, flow });
    const edited = flowJsonText({ ...flow, name: 'Renamed in JSON' });
    const checked = checkFlowJson(edited, flow.id);
    expect(checked.ok && checked.flow.name).toBe('Renamed in JSON');
  });

  it('accepts a document with semantic problems only (the problems panel shows those)', () => {
    const dangling = {
      ...flow,
      edges: [...flow.edges, { id: 'extra', source: flow.nodes[0]!.id, port: 'next', target: 'nowhere' }],
    };
    expect(checkFlowJson(JSON.stringify(dangling), flow.id).ok).toBe(true);
  });

  it('names the line and column of a syntax error', () => {
    const text = '{\n  "schemaVersion": 1,\n  "name": "x",,\n}';
    const checked = checkFlowJson(text, flow.id);
    expect(checked).toMatchObject({ ok: false, kind: 'syntax', line: 3 });
    expect(checked.ok === false && checked.kind === 'syntax' && checked.column).toBeGreaterThan(10);
  });

  it('lists schema problems with their paths and applies nothing', () => {
    const badType = { ...flow, nodes: flow.nodes.map((n, i) => (i === 1 ? { ...n, type: 'teleport' } : n)) };
    const checked = checkFlowJson(JSON.stringify(badType), flow.id);
    if (checked.ok || checked.kind !== 'schema')
      throw new Error(`expected schema problems, got ${JSON.stringify(checked)}`);
    expect(checked.problems.map((p) => p.path)).toContain('/nodes/1/type');
    expect(checkFlowJson(JSON.stringify({ ...flow, languages: 'en' }), flow.id)).toEqual({
      ok: false,
      kind: 'schema',
      problems: [{ path: '/languages', message: 'Languages must be a list.' }],
    });
  });

  it('refuses a changed flow id', () => {
    expect(checkFlowJson(JSON.stringify({ ...flow, id: 'other-flow' }), flow.id)).toEqual({
      ok: false,
      kind: 'id',
      before: flow.id,
    });
  });
});
