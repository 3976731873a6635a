import { describe, expect, it } from 'vitest';
import { CardDecorations } from '../../../app/_components/editor/canvas/card-decorations';
import { flowBounds } from '../../../app/_components/editor/canvas/use-whole-flow-in-view';
import { createEditorStore } from '../../../app/_components/editor/store/create-editor-store';
import type { ValidationIssue } from '../../../flow-engine/validate/validation-issue';
import type { FlowDocument } from '../../../flow-engine/document';

const doc = {
  schemaVersion: 1,
  id: 'decorations',
  name: 'Decorations',
  languages: ['en-US'],
  defaultLanguage: 'en-US',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
    { id: 'bye', type: 'hangup', position: { x: 200, y: 50 }, config: {} },
  ],
  edges: [{ id: 'e1', source: 'start', port: 'next', target: 'bye' }],
} as unknown as FlowDocument;

const issue = (nodeId: string, severity: 'error' | 'warning') =>
  ({ rule: 'r', severity, code: 'x', params: {}, message: 'm', path: '', nodeId }) as unknown as ValidationIssue;

/** A store with decorations fed by one subscription, and a log of which cards were told. */
function setUp() {
  const store = createEditorStore({ flowId: 'f', doc, revision: 1 });
  const decorations = new CardDecorations();
  decorations.update(store.getState());
  store.subscribe((state) => decorations.update(state));
  const told: string[] = [];
  for (const id of ['start', 'bye']) decorations.subscribe(id, () => told.push(id));
  return { store, decorations, told };
}

describe('card decorations', () => {
  it('tells only the cards whose counts, highlight or marks changed', () => {
    const { store, decorations, told } = setUp();
    store
      .getState()
      .setIssues({ errors: [issue('bye', 'error'), issue('bye', 'error')], warnings: [issue('start', 'warning')] });
    expect(told.sort()).toEqual(['bye', 'start']);
    expect(decorations.get('bye')).toMatchObject({ errors: 2, warnings: 0 });
    expect(decorations.get('start')).toMatchObject({ errors: 0, warnings: 1 });

    told.length = 0;
    store.getState().setMarks('coverage', { nodes: { bye: 'uncovered' }, ports: { start: { next: 'uncovered' } } });
    expect(told.sort()).toEqual(['bye', 'start']);
    expect(decorations.get('bye').marks).toBe('cf-mark-coverage-uncovered');
    expect(decorations.get('start').portMarks).toEqual({ next: 'cf-mark-coverage-uncovered' });

    told.length = 0;
    store.getState().setHighlighted(['start']);
    expect(told).toEqual(['start']);
    expect(decorations.get('start').highlighted).toBe(true);

    // The same counts again (a new validation run with the same result): nobody is told.
    told.length = 0;
    store
      .getState()
      .setIssues({ errors: [issue('bye', 'error'), issue('bye', 'error')], warnings: [issue('start', 'warning')] });
    expect(told).toEqual([]);
  });

  it('tells nobody and keeps every decoration object while nodes move', () => {
    const { store, decorations, told } = setUp();
    store.getState().setMarks('simulation', { nodes: { bye: 'active' } });
    const before = decorations.get('bye');
    const plain = decorations.get('start');
    told.length = 0;
    for (let i = 1; i <= 5; i++)
      store.getState().dispatch({ kind: 'moveNodes', positions: { bye: { x: 200 + i, y: 50 } } });
    expect(store.getState().doc.nodes[1]!.position.x).toBe(205);
    expect(told).toEqual([]);
    expect(decorations.get('bye')).toBe(before);
    expect(decorations.get('start')).toBe(plain);
  });

  it('returns a card to plain when its layer is cleared', () => {
    const { store, decorations, told } = setUp();
    const plain = decorations.get('bye');
    store.getState().setMarks('testDiff', { nodes: { bye: 'expected-only' } });
    store.getState().setMarks('testDiff', undefined);
    expect(told).toEqual(['bye', 'bye']);
    expect(decorations.get('bye')).toBe(plain);
    expect(plain).toEqual({ errors: 0, warnings: 0, highlighted: false, marks: '', portMarks: {} });
  });

  it('stops telling a card that unsubscribed', () => {
    const store = createEditorStore({ flowId: 'f', doc, revision: 1 });
    const decorations = new CardDecorations();
    store.subscribe((state) => decorations.update(state));
    let calls = 0;
    const unsubscribe = decorations.subscribe('bye', () => calls++);
    store.getState().setHighlighted(['bye']);
    unsubscribe();
    store.getState().setHighlighted([]);
    expect(calls).toBe(1);
  });
});

describe('flow bounds', () => {
  it('covers every node, measured or taken at the largest card size', () => {
    expect(flowBounds(doc.nodes, { start: { width: 100, height: 40 } })).toEqual({
      left: 0,
      top: 0,
      right: 461,
      bottom: 450,
    });
  });
});
