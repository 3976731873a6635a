// sameNodeContent: panels re-render when the nodes' content changes, never when nodes only move (use-content.ts).

import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../app/_components/editor/commands/apply-command';
import { sameDocContent, sameNodeContent } from '../../../app/_components/editor/store/use-content';
import type { FlowDocument } from '../../../flow-engine/document';

const doc: FlowDocument = {
  schemaVersion: 1,
  id: 'content',
  name: 'Content',
  languages: ['en-US'],
  defaultLanguage: 'en-US',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
    { id: 'bye', type: 'hangup', label: 'Bye', position: { x: 200, y: 0 }, config: {} },
  ],
  edges: [{ id: 'e1', source: 'start', port: 'next', target: 'bye' }],
};

describe('sameNodeContent', () => {
  it('is true after a move: the same nodes with new positions', () => {
    const moved = applyCommand(doc, { kind: 'moveNodes', positions: { bye: { x: 400, y: 80 } } });
    expect(moved.nodes).not.toBe(doc.nodes);
    expect(sameNodeContent(doc.nodes, moved.nodes)).toBe(true);
  });

  it('is false after a relabel, a config change, a note, an added or a removed node', () => {
    expect(
      sameNodeContent(doc.nodes, applyCommand(doc, { kind: 'setNodeLabel', nodeId: 'bye', label: 'Goodbye' }).nodes),
    ).toBe(false);
    expect(
      sameNodeContent(
        doc.nodes,
        applyCommand(doc, { kind: 'setNodeConfig', nodeId: 'bye', config: { reason: 'x' } }).nodes,
      ),
    ).toBe(false);
    expect(
      sameNodeContent(doc.nodes, applyCommand(doc, { kind: 'setNodeNote', nodeId: 'bye', note: 'why' }).nodes),
    ).toBe(false);
    const extra = { id: 'bye2', type: 'hangup', position: { x: 0, y: 200 }, config: {} };
    expect(
      sameNodeContent(doc.nodes, applyCommand(doc, { kind: 'addElements', nodes: [extra], edges: [] }).nodes),
    ).toBe(false);
    expect(
      sameNodeContent(doc.nodes, applyCommand(doc, { kind: 'removeElements', nodeIds: ['bye'], edgeIds: [] }).nodes),
    ).toBe(false);
  });
});

// Live validation skips drafts that differ only in positions (use-live-validation.ts): a drag sends nothing to the worker.
describe('sameDocContent', () => {
  it('is true after a move and false after any other change to the draft', () => {
    expect(sameDocContent(doc, applyCommand(doc, { kind: 'moveNodes', positions: { bye: { x: 400, y: 80 } } }))).toBe(
      true,
    );
    expect(sameDocContent(doc, applyCommand(doc, { kind: 'setNodeLabel', nodeId: 'bye', label: 'Goodbye' }))).toBe(
      false,
    );
    expect(sameDocContent(doc, applyCommand(doc, { kind: 'removeElements', nodeIds: [], edgeIds: ['e1'] }))).toBe(
      false,
    );
    expect(sameDocContent(doc, { ...doc, name: 'Renamed' })).toBe(false);
  });
});
