// Autosave: saves the draft with its base revision a moment after changes stop, one save at a time, and keeps a browser copy.

import { canonicalJson } from '../../../../flow-engine/canonical-json';
import { mergeDrafts, type MergedChange, type MergeSide } from '../../../../flow-engine/diff/merge-drafts';
import type { FlowDocument } from '../../../../flow-engine/document';
import type { EditorStoreApi } from '../store/create-editor-store';
import type { SaveConflict } from '../store/editor-state';
import { clearBackup, writeBackup } from './local-backup';
import type { SaveDraft } from './save-call';
import { conflictOf, messageOf } from './save-errors';

export type { SaveDraft } from './save-call';

/** The server's draft now, read after a conflict to merge with. */
export interface ServerDraftNow {
  doc: FlowDocument;
  revision: number;
  savedAt: string;
}

/** A conflict that merged on its own: their changes taken in, and who made them. */
export interface AutoMerge {
  conflict: SaveConflict;
  fromTheirs: MergedChange[];
  /** Their draft, for naming what they removed. */
  theirs: FlowDocument;
}

export interface AutosaverOptions {
  /** The save request, chosen once for the editor (saveCallFor: the whole draft, or only its tests). */
  save: SaveDraft;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** Wait before retrying after a failed save (not a conflict). */
  retryMs?: number;
  /** Quiet time before the browser copy of unsaved changes is written. */
  backupDelayMs?: number;
  /**
   * Read the server's draft after a conflict: changes on different nodes then merge and save on top of it (the
   * server still refuses the stale write; the merge saves against the new revision). Without it a conflict waits.
   */
  loadServer?: (flowId: string) => Promise<ServerDraftNow>;
  /** Told when a conflict merged without anything to choose. */
  onMerged?: (merge: AutoMerge) => void;
}

export interface Autosaver {
  /** Save now if there is anything unsaved; resolves when the draft on the server matches the editor (or saving failed). */
  flush(): Promise<void>;
  /** The document last confirmed by the server: the autosaver treats it as saved. */
  markSaved(doc: FlowDocument, revision: number, savedAt?: string): void;
  /** Settle a conflict that needs choices (`save.merge`): merge with them, put it in the editor and save it. */
  resolve(choices: Record<string, MergeSide>): void;
  /** Write the browser copy now (page hidden or closing). */
  backupNow(): void;
  stop(): void;
}

/**
 * Start autosaving a store. A CONFLICT stops autosave (status `conflict`) until markSaved() is called with the
 * reloaded draft; other failures retry.
 */
export function startAutosave(store: EditorStoreApi, options: AutosaverOptions): Autosaver {
  const delayMs = options.delayMs ?? 1000;
  const retryMs = options.retryMs ?? 5000;
  const backupDelayMs = options.backupDelayMs ?? 250;
  let savedDoc = store.getState().doc;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  let backupTimer: ReturnType<typeof setTimeout> | undefined;
  const backup = () => {
    clearTimeout(backupTimer);
    backupTimer = undefined;
    const { flowId, doc, save } = store.getState();
    if (doc === savedDoc) clearBackup(flowId);
    else writeBackup(flowId, { baseRevision: save.revision, writtenAt: new Date().toISOString(), doc });
  };
  // Serializing a big flow on every drag frame would cost frames: the browser copy follows a moment later,
  // and at once when the page is hidden or closed (backupNow).
  const backupSoon = () => {
    if (backupTimer === undefined) backupTimer = setTimeout(backup, backupDelayMs);
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void saveOnce(), ms);
  };

  async function saveOnce(): Promise<void> {
    if (running) return running;
    const state = store.getState();
    if (state.save.status === 'conflict') return;
    if (state.doc === savedDoc) {
      // Back to what the server has (an undo before the change was saved): nothing to send, and nothing unsaved.
      if (state.save.status === 'unsaved') state.setSave({ status: 'saved' });
      return;
    }
    const document = state.doc;
    state.setSave({ status: 'saving', error: undefined });
    running = (async () => {
      try {
        const saved = await options.save({ flowId: state.flowId, document, baseRevision: state.save.revision });
        savedDoc = document;
        const savedAt = new Date(saved.updatedAt).toISOString();
        const current = store.getState().doc;
        store
          .getState()
          .setSave({ status: current === document ? 'saved' : 'unsaved', revision: saved.revision, savedAt });
        backup();
        if (current !== document) schedule(delayMs);
      } catch (error) {
        const conflict = conflictOf(error);
        if (conflict) await mergeOrStop(conflict);
        else {
          store.getState().setSave({ status: 'error', error: messageOf(error) });
          schedule(retryMs);
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  /** Someone saved first: merge their draft with ours when no node changed both ways, else stop for the dialog. */
  async function mergeOrStop(conflict: SaveConflict): Promise<void> {
    const stop = () => store.getState().setSave({ status: 'conflict', conflict });
    if (!options.loadServer) return stop();
    let server: ServerDraftNow;
    try {
      server = await options.loadServer(store.getState().flowId);
    } catch {
      return stop();
    }
    const merge = mergeDrafts(savedDoc, server.doc, store.getState().doc);
    if (merge.conflicts.length > 0) {
      store.getState().setSave({
        status: 'conflict',
        conflict,
        merge: { base: savedDoc, theirs: server.doc, revision: server.revision, savedAt: server.savedAt },
      });
      return;
    }
    adopt(server, merge.document);
    options.onMerged?.({ conflict, fromTheirs: merge.fromTheirs, theirs: server.doc });
  }

  /** Put `merged` in the editor on top of the server's draft, and save it unless it is the server's draft already. */
  function adopt(server: ServerDraftNow, merged: FlowDocument) {
    const unchanged = canonicalJson(merged) === canonicalJson(server.doc);
    store.getState().setSave({
      status: 'unsaved',
      revision: server.revision,
      savedAt: server.savedAt,
      conflict: undefined,
      merge: undefined,
      error: undefined,
    });
    store.getState().applyMerge(merged);
    savedDoc = unchanged ? merged : server.doc;
    if (unchanged) store.getState().setSave({ status: 'saved' });
    backup();
    if (!unchanged) schedule(0);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    backupSoon();
    if (state.save.status !== 'conflict') schedule(delayMs);
  });
  backup();
  if (store.getState().doc !== savedDoc) schedule(delayMs);

  return {
    async flush() {
      clearTimeout(timer);
      if (running) await running;
      await saveOnce();
    },
    markSaved(doc, revision, savedAt) {
      savedDoc = doc;
      store.getState().setSave({
        status: store.getState().doc === doc ? 'saved' : 'unsaved',
        revision,
        savedAt,
        conflict: undefined,
        merge: undefined,
        error: undefined,
      });
      backup();
      if (store.getState().doc !== doc) schedule(delayMs);
    },
    resolve(choices) {
      const pending = store.getState().save.merge;
      if (!pending) return;
      const merged = mergeDrafts(pending.base, pending.theirs, store.getState().doc, choices).document;
      adopt({ doc: pending.theirs, revision: pending.revision, savedAt: pending.savedAt }, merged);
    },
    backupNow: backup,
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (backupTimer !== undefined) backup();
      unsubscribe();
    },
  };
}
