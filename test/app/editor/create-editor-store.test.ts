// The editor store: history of the document only, one entry per gesture, save status follows changes.

import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../app/_components/editor/store/create-editor-store';
import { sampleFlow } from './sample-flow';

function newStore() {
  return createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 4 });
}

describe('createEditorStore', () => {
  it('undo and redo step through document changes', () => {
    const store = newStore();
    const original = store.getState().doc;
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'A' });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'B' });
    store.getState().undo();
    expect(store.getState().doc.nodes[1]!.label).toBe('A');
    store.getState().undo();
    expect(store.getState().doc).toBe(original);
    store.getState().redo();
    expect(store.getState().doc.nodes[1]!.label).toBe('A');
  });

  it('undoing a paste drops the pasted nodes from the selection (no "3 nodes selected" of nodes that are gone); redo keeps it', () => {
    const store = newStore();
    const pasted = ['a', 'b', 'c'].map((id, i) => ({
      id: `copy_${id}`,
      type: 'hangup',
      position: { x: 600, y: i * 120 },
      config: {},
    }));
    store.getState().dispatch({ kind: 'addElements', nodes: pasted, edges: [] });
    store.getState().select(['menu', ...pasted.map((n) => n.id)], []);
    store.getState().undo();
    expect(store.getState().selectedNodeIds).toEqual(['menu']);
    store.getState().redo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toContain('copy_a');
    expect(store.getState().selectedNodeIds).toEqual(['menu']);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('reloading the server draft in place of unsaved changes is one undo step away from them', () => {
    const store = newStore();
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'Mine' });
    const mine = store.getState().doc;
    const theirs = { ...sampleFlow(), name: 'Theirs' };
    store.getState().loadServerDraft(theirs);
    expect(store.getState().doc).toBe(theirs);
    store.getState().undo();
    expect(store.getState().doc).toBe(mine);
    expect(store.temporal.getState().pastStates).toHaveLength(0);

    // A browser copy from a closed tab (not what the editor holds) is what undo brings back when it is given.
    const copy = { ...sampleFlow(), name: 'Browser copy' };
    store.getState().loadServerDraft(theirs, copy);
    store.getState().undo();
    expect(store.getState().doc).toBe(copy);
  });

  it('selection, measured sizes, issues and save state are not history entries', () => {
    const store = newStore();
    store.getState().select(['menu'], []);
    store.getState().setMeasured({ menu: { width: 200, height: 80 } });
    store.getState().setIssues({ errors: [], warnings: [] });
    store.getState().setSave({ status: 'saving' });
    store.getState().setHighlighted(['menu']);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('a drag of many moves is one history entry, and undo puts the node back where the drag began', () => {
    const store = newStore();
    store.getState().beginGesture();
    for (let x = 1; x <= 30; x++)
      store.getState().dispatch({ kind: 'moveNodes', positions: { menu: { x: 250 + x, y: x } } });
    store.getState().endGesture();
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    expect(store.getState().doc.nodes[1]!.position).toEqual({ x: 280, y: 30 });
    store.getState().undo();
    expect(store.getState().doc.nodes[1]!.position).toEqual({ x: 250, y: 0 });
    store.getState().redo();
    expect(store.getState().doc.nodes[1]!.position).toEqual({ x: 280, y: 30 });
  });

  it('a gesture that changed nothing adds no entry', () => {
    const store = newStore();
    store.getState().beginGesture();
    store.getState().endGesture();
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('a document change marks a saved draft unsaved; deleting a selected node drops it from the selection', () => {
    const store = newStore();
    store.getState().select(['orders', 'menu'], []);
    store.getState().dispatch({ kind: 'removeElements', nodeIds: ['orders'], edgeIds: [] });
    expect(store.getState().save.status).toBe('unsaved');
    expect(store.getState().selectedNodeIds).toEqual(['menu']);
  });

  it('counts errors and warnings per node', () => {
    const store = newStore();
    store.getState().setIssues({
      errors: [
        {
          rule: 'unreachable-node',
          code: 'unreachable-node',
          params: { node: 'menu' },
          severity: 'error',
          message: 'm',
          path: '/nodes/1',
          nodeId: 'menu',
        },
      ],
      warnings: [
        {
          rule: 'idle-loop',
          code: 'idle-loop',
          params: { count: 1, nodes: ['menu'], maxSteps: 1 },
          severity: 'warning',
          message: 'm',
          path: '/nodes/1',
          nodeId: 'menu',
        },
        {
          rule: 'idle-loop',
          code: 'idle-loop',
          params: { count: 1, nodes: ['orders'], maxSteps: 1 },
          severity: 'warning',
          message: 'm',
          path: '/nodes/2',
          nodeId: 'orders',
        },
      ],
    });
    expect(store.getState().nodeIssues).toEqual({
      menu: { errors: 1, warnings: 1 },
      orders: { errors: 0, warnings: 1 },
    });
  });

  it('a read-only editor ignores commands', () => {
    const store = createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 1, readOnly: true });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'X' });
    expect(store.getState().doc.nodes[1]!.label).toBe('Main menu');
  });
});
