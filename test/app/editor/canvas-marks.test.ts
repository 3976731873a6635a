import { describe, expect, it } from 'vitest';
import {
  edgeAnimated,
  edgeMarkClasses,
  nodeMarkClasses,
  portMarkClasses,
} from '../../../app/_components/editor/store/canvas-marks';
import { createEditorStore } from '../../../app/_components/editor/store/create-editor-store';
import { newCanvasCache, toCanvasEdges } from '../../../app/_components/editor/canvas/to-react-flow';
import type { FlowDocument } from '../../../flow-engine/document';

const doc = {
  schemaVersion: 1,
  id: 'marks',
  name: 'Marks',
  languages: ['en-US'],
  defaultLanguage: 'en-US',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, config: {} },
    { id: 'bye', type: 'hangup', position: { x: 200, y: 0 }, config: {} },
  ],
  edges: [{ id: 'e1', source: 'start', port: 'next', target: 'bye' }],
} as unknown as FlowDocument;

describe('canvas marks', () => {
  it('merges layers into classes in paint order and clears a layer alone', () => {
    const store = createEditorStore({ flowId: 'f', doc, revision: 1 });
    store
      .getState()
      .setMarks('simulation', { nodes: { bye: 'active' }, edges: { e1: 'taken' }, animatedEdges: { e1: true } });
    store.getState().setMarks('coverage', { nodes: { bye: 'uncovered' }, ports: { start: { next: 'uncovered' } } });
    const { marks } = store.getState();
    expect(nodeMarkClasses(marks, 'bye')).toBe('cf-mark-coverage-uncovered cf-mark-simulation-active');
    expect(portMarkClasses(marks, 'start', 'next')).toBe('cf-mark-coverage-uncovered');
    expect(edgeMarkClasses(marks, 'e1')).toBe('cf-mark-simulation-taken');
    expect(edgeAnimated(marks, 'e1')).toBe(true);

    store.getState().setMarks('simulation', undefined);
    expect(nodeMarkClasses(store.getState().marks, 'bye')).toBe('cf-mark-coverage-uncovered');
    expect(edgeAnimated(store.getState().marks, 'e1')).toBe(false);
    // Marks stay out of undo history.
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('re-creates an edge only when its marks change', () => {
    const cache = newCanvasCache();
    const plain = toCanvasEdges(doc.edges, [], {}, cache, () => 'edge');
    expect(toCanvasEdges(doc.edges, [], {}, cache, () => 'edge')[0]).toBe(plain[0]);
    const marked = toCanvasEdges(
      doc.edges,
      [],
      { simulation: { edges: { e1: 'taken' }, animatedEdges: { e1: true } } },
      cache,
      () => 'edge',
    );
    expect(marked[0]).not.toBe(plain[0]);
    expect(marked[0]).toMatchObject({ className: 'cf-mark-simulation-taken', animated: true });
  });
});
