'use client';
// Autosave for the open editor: restores a browser copy left by a crash or closed tab, saves, warns before leaving unsaved work.

import { useEffect, useRef, useState } from 'react';
import type { FlowDocument } from '../../../../flow-engine/document';
import { trpc } from '../../../_lib/trpc-client';
import type { ConflictCase } from '../conflict/conflict-dialog';
import type { EditorStoreApi } from '../store/create-editor-store';
import type { MergeSide } from '../../../../flow-engine/diff/index';
import { startAutosave, type AutoMerge, type Autosaver } from './autosaver';
import { clearBackup, readBackup, type LocalBackup } from './local-backup';
import { saveCallFor } from './save-call';

export interface ServerDraft {
  revision: number;
  updatedAt: string;
  updatedByName: string | null;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useAutosave(store: EditorStoreApi, server: ServerDraft) {
  const saver = useRef<Autosaver | undefined>(undefined);
  const [restored, setRestored] = useState<LocalBackup | undefined>();
  const [staleCopy, setStaleCopy] = useState<ConflictCase | undefined>();
  // The last conflict that merged on its own, for the notice naming what arrived.
  const [merged, setMerged] = useState<AutoMerge | undefined>();

  useEffect(() => {
    const { flowId, doc, readOnly, testsEditable } = store.getState();
    // Read before autosave starts: autosave clears the copy once the editor matches the server.
    const backup = readBackup(flowId);
    const save = saveCallFor(
      { readOnly, testsEditable },
      {
        saveDraft: (input) => trpc.flows.saveDraft.mutate(input),
        saveTests: (input) => trpc.flows.saveTests.mutate(input),
      },
    );
    const loadServer = async (id: string) => {
      const flow = await trpc.flows.get.query({ flowId: id });
      return {
        doc: flow.draft,
        revision: flow.revision,
        savedAt: new Date(flow.updatedAt).toISOString(),
      };
    };
    const instance = startAutosave(store, { save, loadServer, onMerged: setMerged });
    saver.current = instance;
    if (backup && !sameJson(backup.doc, doc)) {
      if (backup.baseRevision === server.revision) {
        // Made on the draft the server still has: put it back (undo returns to the server's draft) and autosave it.
        // A tester's copy can only bring back its test cases; the store refuses anything more.
        store
          .getState()
          .dispatch(
            readOnly
              ? { kind: 'updateFlow', patch: { tests: backup.doc.tests ?? [] } }
              : { kind: 'replaceDocument', document: backup.doc },
          );
        if (store.getState().doc !== doc) setRestored(backup);
      } else {
        // Someone saved since: the same choice as a save conflict, with the browser's copy as "mine".
        setStaleCopy({
          conflict: { revision: server.revision, savedBy: server.updatedByName, savedAt: server.updatedAt },
          mine: backup.doc,
        });
      }
    }
    const onPageHide = () => instance.backupNow();
    const onVisibility = () => document.visibilityState === 'hidden' && instance.backupNow();
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      instance.backupNow();
      if (store.getState().save.status === 'saved') return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void instance.flush().finally(() => instance.stop());
    };
  }, [store, server]);

  /**
   * Load the server's draft into the editor in place of unsaved changes (conflict "reload"); one undo brings the
   * dropped changes back: the browser's copy from a closed tab, else what the editor held.
   */
  const reload = async () => {
    const { flowId } = store.getState();
    const flow = await trpc.flows.get.query({ flowId });
    const draft = flow.draft;
    store.getState().loadServerDraft(draft, staleCopy?.mine);
    saver.current?.markSaved(draft, flow.revision, new Date(flow.updatedAt).toISOString());
    clearBackup(flowId);
    setStaleCopy(undefined);
  };

  /** Put a draft the server just wrote in the editor (discarding draft changes): one undo brings the editor's back. */
  const adopt = (doc: FlowDocument, revision: number, savedAt: string) => {
    store.getState().loadServerDraft(doc);
    saver.current?.markSaved(doc, revision, savedAt);
  };

  /** Put the server's draft back after an automatic restore ("discard my restored changes"). */
  const discardRestored = () => {
    store.getState().undo();
    setRestored(undefined);
  };

  return {
    flush: () => saver.current?.flush() ?? Promise.resolve(),
    /** Settle a conflict node by node (the dialog's choices) and save the result. */
    resolve: (choices: Record<string, MergeSide>) => saver.current?.resolve(choices),
    adopt,
    merged,
    dismissMerged: () => setMerged(undefined),
    reload,
    restored,
    dismissRestored: () => setRestored(undefined),
    discardRestored,
    staleCopy,
  };
}
