// Testers keep test cases in a read-only design: the store applies test-only changes for them and nothing else;
// viewers change nothing; autosave sends a tester's changes with flows.saveTests.

import { describe, expect, it, vi } from 'vitest';
import { startAutosave } from '../../../app/_components/editor/autosave/autosaver';
import { saveCallFor, type SaveApi } from '../../../app/_components/editor/autosave/save-call';
import { commandAllowed, touchesOnlyTests } from '../../../app/_components/editor/store/command-permission';
import { createEditorStore } from '../../../app/_components/editor/store/create-editor-store';
import type { TestCase } from '../../../flow-engine/test-case';
import { sampleFlow } from './sample-flow';

const kept: TestCase = { name: 'Orders', inputs: ['1'], expect: { end: 'orders' } };

const tester = () =>
  createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 2, readOnly: true, testsEditable: true });
const viewer = () => createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 2, readOnly: true });

describe('what a tester may change', () => {
  it('a tester adds, edits and removes test cases', () => {
    const store = tester();
    store.getState().dispatch({ kind: 'updateFlow', patch: { tests: [kept] } });
    expect(store.getState().doc.tests).toEqual([kept]);
    expect(store.getState().save.status).toBe('unsaved');
    store.getState().dispatch({ kind: 'updateFlow', patch: { tests: [] } });
    expect(store.getState().doc.tests).toEqual([]);
    store.getState().undo();
    expect(store.getState().doc.tests).toEqual([kept]);
  });

  it('a tester cannot move, delete, rename or reconfigure nodes, nor change flow settings alongside tests', () => {
    const store = tester();
    const before = store.getState().doc;
    store.getState().dispatch({ kind: 'moveNodes', positions: { menu: { x: 1, y: 1 } } });
    store.getState().dispatch({ kind: 'removeElements', nodeIds: ['orders'], edgeIds: [] });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'X' });
    store.getState().dispatch({ kind: 'updateFlow', patch: { name: 'Renamed' } });
    store.getState().dispatch({ kind: 'updateFlow', patch: { name: 'Renamed', tests: [kept] } });
    store.getState().dispatch({ kind: 'replaceDocument', document: { ...before, tests: [kept] } });
    expect(store.getState().doc).toBe(before);
    expect(store.getState().save.status).toBe('saved');
  });

  it('a viewer changes neither tests nor nodes', () => {
    const store = viewer();
    expect(store.getState().testsEditable).toBe(false);
    const before = store.getState().doc;
    store.getState().dispatch({ kind: 'updateFlow', patch: { tests: [kept] } });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'X' });
    expect(store.getState().doc).toBe(before);
  });

  it('a designer still changes anything', () => {
    const store = createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 2 });
    expect(store.getState().testsEditable).toBe(true);
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'X' });
    store.getState().dispatch({ kind: 'updateFlow', patch: { tests: [kept] } });
    expect(store.getState().doc.nodes[1]!.label).toBe('X');
    expect(store.getState().doc.tests).toEqual([kept]);
  });

  it('the rule: only an updateFlow whose patch is exactly `tests`', () => {
    expect(touchesOnlyTests({ kind: 'updateFlow', patch: { tests: [] } })).toBe(true);
    expect(touchesOnlyTests({ kind: 'updateFlow', patch: {} })).toBe(false);
    expect(touchesOnlyTests({ kind: 'updateFlow', patch: { tests: [], variables: [] } })).toBe(false);
    expect(
      commandAllowed({ kind: 'setNodeNote', nodeId: 'menu', note: 'n' }, { readOnly: false, testsEditable: false }),
    ).toBe(true);
    expect(commandAllowed({ kind: 'updateFlow', patch: { tests: [] } }, { readOnly: true, testsEditable: false })).toBe(
      false,
    );
  });

  it('loading the server draft works read-only; history restarts with one step, which brings the dropped changes back', () => {
    const store = tester();
    store.getState().dispatch({ kind: 'updateFlow', patch: { tests: [kept] } });
    const mine = store.getState().doc;
    const theirs = { ...sampleFlow(), name: 'Theirs' };
    store.getState().loadServerDraft(theirs);
    expect(store.getState().doc).toBe(theirs);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc).toBe(mine);
  });
});

describe('autosave of a tester', () => {
  const api = () => {
    let revision = 2;
    return {
      saveDraft: vi.fn<SaveApi['saveDraft']>(async () => ({
        revision: ++revision,
        updatedAt: '2026-12-02T05:00:00.000Z',
      })),
      saveTests: vi.fn<SaveApi['saveTests']>(async () => ({
        revision: ++revision,
        updatedAt: '2026-12-02T05:00:00.000Z',
      })),
    };
  };

  it('sends only the tests with flows.saveTests and the base revision, then follows the new revision', async () => {
    const calls = api();
    const store = tester();
    const saver = startAutosave(store, { save: saveCallFor(store.getState(), calls), delayMs: 0, retryMs: 0 });
    store.getState().dispatch({ kind: 'updateFlow', patch: { tests: [kept] } });
    await saver.flush();
    expect(calls.saveDraft).not.toHaveBeenCalled();
    expect(calls.saveTests).toHaveBeenCalledWith({ flowId: 'f1', tests: [kept], baseRevision: 2 });
    expect(store.getState().save).toMatchObject({ status: 'saved', revision: 3 });
    store.getState().dispatch({ kind: 'updateFlow', patch: { tests: [] } });
    await saver.flush();
    expect(calls.saveTests).toHaveBeenLastCalledWith({ flowId: 'f1', tests: [], baseRevision: 3 });
    saver.stop();
  });

  it('a designer saves the whole draft with flows.saveDraft', async () => {
    const calls = api();
    const store = createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 2 });
    const saver = startAutosave(store, { save: saveCallFor(store.getState(), calls), delayMs: 0, retryMs: 0 });
    store.getState().dispatch({ kind: 'updateFlow', patch: { tests: [kept] } });
    await saver.flush();
    expect(calls.saveTests).not.toHaveBeenCalled();
    expect(calls.saveDraft).toHaveBeenCalledWith({ flowId: 'f1', document: store.getState().doc, baseRevision: 2 });
    saver.stop();
  });
});
