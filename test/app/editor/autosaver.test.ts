// Autosave: saves with the base revision, follows the server's new revision, stops on a conflict, retries on failure.

import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { startAutosave, type SaveDraft } from '../../../app/_components/editor/autosave/autosaver';
import { createEditorStore } from '../../../app/_components/editor/store/create-editor-store';
import { sampleFlow } from './sample-flow';

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function setup(saveDraft: SaveDraft) {
  const store = createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 3 });
  const saver = startAutosave(store, { save: saveDraft, delayMs: 0, retryMs: 0 });
  return { store, saver };
}

function conflictError() {
  return TRPCClientError.from({
    error: {
      message: 'Ann saved',
      code: -32009,
      data: {
        code: 'CONFLICT',
        httpStatus: 409,
        conflict: { revision: 5, savedBy: 'Ann', savedAt: '2026-12-01T10:00:00.000Z' },
      },
    },
  });
}

describe('autosave', () => {
  it('saves a change with the revision it was based on, then the next change with the new revision', async () => {
    let revision = 3;
    const saveDraft = vi.fn<SaveDraft>(async () => ({
      revision: ++revision,
      updatedAt: new Date('2026-12-01T10:00:00Z'),
    }));
    const { store, saver } = setup(saveDraft);
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'A' });
    expect(store.getState().save.status).toBe('unsaved');
    await saver.flush();
    expect(saveDraft).toHaveBeenCalledTimes(1);
    expect(saveDraft.mock.calls[0]![0].baseRevision).toBe(3);
    expect(saveDraft.mock.calls[0]![0].document.nodes[1]!.label).toBe('A');
    expect(store.getState().save).toMatchObject({ status: 'saved', revision: 4, savedAt: '2026-12-01T10:00:00.000Z' });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'B' });
    await saver.flush();
    expect(saveDraft.mock.calls[1]![0].baseRevision).toBe(4);
    saver.stop();
  });

  it('nothing to save means no request', async () => {
    const saveDraft = vi.fn<SaveDraft>();
    const { saver } = setup(saveDraft);
    await saver.flush();
    expect(saveDraft).not.toHaveBeenCalled();
    saver.stop();
  });

  it('a change undone before it was saved leaves nothing to send and nothing unsaved', async () => {
    const saveDraft = vi.fn<SaveDraft>(async () => ({ revision: 4, updatedAt: new Date('2026-12-01T10:00:00Z') }));
    const store = createEditorStore({ flowId: 'f1', doc: sampleFlow(), revision: 3 });
    // A long delay: the undo comes before the save would start.
    const saver = startAutosave(store, { save: saveDraft, delayMs: 60_000, retryMs: 0 });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'A' });
    store.getState().undo();
    expect(store.getState().save.status).toBe('unsaved');
    await saver.flush();
    expect(saveDraft).not.toHaveBeenCalled();
    expect(store.getState().save.status).toBe('saved');
    saver.stop();
  });

  it('a CONFLICT shows who saved and when, and stops saving until the draft is reloaded', async () => {
    const saveDraft = vi.fn<SaveDraft>(async () => {
      throw conflictError();
    });
    const { store, saver } = setup(saveDraft);
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'A' });
    await saver.flush();
    expect(store.getState().save).toMatchObject({
      status: 'conflict',
      conflict: { revision: 5, savedBy: 'Ann', savedAt: '2026-12-01T10:00:00.000Z' },
    });
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'B' });
    await saver.flush();
    await settle();
    expect(saveDraft).toHaveBeenCalledTimes(1);
    const theirs = sampleFlow();
    store.getState().dispatch({ kind: 'replaceDocument', document: theirs });
    saver.markSaved(theirs, 5);
    expect(store.getState().save).toMatchObject({ status: 'saved', revision: 5, conflict: undefined });
    saver.stop();
  });

  it('a failed save shows the error and is retried', async () => {
    let calls = 0;
    const saveDraft = vi.fn<SaveDraft>(async () => {
      calls++;
      if (calls === 1) throw new Error('The database cannot be reached; nothing was saved.');
      return { revision: 4, updatedAt: new Date() };
    });
    const { store, saver } = setup(saveDraft);
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'A' });
    await saver.flush();
    expect(store.getState().save).toMatchObject({
      status: 'error',
      error: 'The database cannot be reached; nothing was saved.',
    });
    await vi.waitFor(() => expect(store.getState().save.status).toBe('saved'));
    expect(saveDraft).toHaveBeenCalledTimes(2);
    saver.stop();
  });

  it('a change made while a save is running is saved after it', async () => {
    let release: () => void = () => {};
    const saveDraft = vi.fn<SaveDraft>(
      (input) =>
        new Promise((resolve) => {
          release = () => resolve({ revision: input.baseRevision + 1, updatedAt: new Date() });
        }),
    );
    const { store, saver } = setup(saveDraft);
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'A' });
    const first = saver.flush();
    await settle();
    store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'B' });
    release();
    await first;
    expect(store.getState().save.status).toBe('unsaved');
    await vi.waitFor(() => expect(saveDraft).toHaveBeenCalledTimes(2));
    release();
    await vi.waitFor(() => expect(store.getState().save.status).toBe('saved'));
    expect(saveDraft.mock.calls[1]![0]).toMatchObject({ baseRevision: 4 });
    expect(store.getState().doc.nodes[1]!.label).toBe('B');
    saver.stop();
  });
});
