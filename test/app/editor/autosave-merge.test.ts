// Autosave after a conflict: changes on different nodes merge and save on the new revision; the same node waits
// for a choice, and "keep mine" (the default) keeps what was typed.

import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import {
  startAutosave,
  type AutoMerge,
  type SaveDraft,
  type ServerDraftNow,
} from '../../../app/_components/editor/autosave/autosaver';
import { createEditorStore } from '../../../app/_components/editor/store/create-editor-store';
import type { FlowDocument } from '../../../flow-engine/document';
import { sampleFlow } from './sample-flow';

function conflictError(bySelf = false) {
  return TRPCClientError.from({
    error: {
      message: 'Ann saved',
      code: -32009,
      data: {
        code: 'CONFLICT',
        httpStatus: 409,
        conflict: { revision: 5, savedBy: 'Ann', savedAt: '2026-12-01T10:00:00.000Z', bySelf },
      },
    },
  });
}

/** A server whose draft someone else moved to revision 5; a save on 3 is refused, on 5 accepted. */
function fakeServer(theirs: FlowDocument) {
  const saved: { baseRevision: number; document: FlowDocument }[] = [];
  const save = vi.fn<SaveDraft>(async ({ baseRevision, document }) => {
    if (baseRevision !== 5 + saved.length) throw conflictError();
    saved.push({ baseRevision, document });
    return { revision: 6, updatedAt: new Date('2026-12-01T10:01:00Z') };
  });
  const loadServer = vi.fn(async (): Promise<ServerDraftNow> => ({
    doc: theirs,
    revision: 5,
    savedAt: '2026-12-01T10:00:00.000Z',
  }));
  return { save, loadServer, saved };
}

const label = (doc: FlowDocument, id: string) => doc.nodes.find((n) => n.id === id)?.label;

describe('autosave merges a conflict', () => {
  it('changes to different nodes merge, save on the new revision and are reported by node', async () => {
    const theirs = sampleFlow();
    theirs.nodes.find((n) => n.id === 'orders')!.label = 'Order status';
    const server = fakeServer(theirs);
    const merged: AutoMerge[] = [];
    const store = createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 3 });
    const saver = startAutosave(store, {
      save: server.save,
      loadServer: server.loadServer,
      onMerged: (m) => merged.push(m),
      delayMs: 0,
      retryMs: 0,
    });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'Welcome menu' });
    await saver.flush();
    await saver.flush();

    expect(server.saved).toHaveLength(1);
    expect(server.saved[0]!.baseRevision).toBe(5);
    expect(label(server.saved[0]!.document, 'menu')).toBe('Welcome menu');
    expect(label(server.saved[0]!.document, 'orders')).toBe('Order status');
    expect(label(store.getState().doc, 'orders')).toBe('Order status');
    expect(store.getState().save).toMatchObject({ status: 'saved', revision: 6 });
    expect(merged.map((m) => m.fromTheirs.map((c) => c.label))).toEqual([['Order status']]);
    // One undo takes the merge back out of the editor.
    store.getState().undo();
    expect(label(store.getState().doc, 'orders')).toBe('Orders');
    saver.stop();
  });

  it('the same node changed both ways stops for a choice; keeping mine saves my typing on their revision', async () => {
    const theirs = sampleFlow();
    theirs.nodes.find((n) => n.id === 'menu')!.label = 'Their menu';
    theirs.nodes.find((n) => n.id === 'orders')!.label = 'Order status';
    const server = fakeServer(theirs);
    const store = createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 3 });
    const saver = startAutosave(store, { save: server.save, loadServer: server.loadServer, delayMs: 0, retryMs: 0 });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'My menu' });
    await saver.flush();

    expect(store.getState().save.status).toBe('conflict');
    expect(store.getState().save.merge?.revision).toBe(5);
    expect(server.saved).toHaveLength(0);
    // Still typing while the dialog is open: the choice is applied to what the editor holds then.
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'My menu 2' });
    saver.resolve({});
    await saver.flush();
    expect(server.saved).toHaveLength(1);
    expect(label(server.saved[0]!.document, 'menu')).toBe('My menu 2');
    expect(label(server.saved[0]!.document, 'orders')).toBe('Order status');
    expect(store.getState().save).toMatchObject({
      status: 'saved',
      revision: 6,
      merge: undefined,
      conflict: undefined,
    });
    saver.stop();
  });

  it('taking theirs for a node puts their version of it in the editor', async () => {
    const theirs = sampleFlow();
    theirs.nodes.find((n) => n.id === 'menu')!.label = 'Their menu';
    const server = fakeServer(theirs);
    const store = createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 3 });
    const saver = startAutosave(store, { save: server.save, loadServer: server.loadServer, delayMs: 0, retryMs: 0 });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'My menu' });
    await saver.flush();
    saver.resolve({ 'node:menu': 'theirs' });
    await saver.flush();
    expect(label(store.getState().doc, 'menu')).toBe('Their menu');
    // Nothing of mine is left to save: the editor now holds exactly their draft.
    expect(server.saved).toHaveLength(0);
    expect(store.getState().save).toMatchObject({ status: 'saved', revision: 5 });
    saver.stop();
  });
});
