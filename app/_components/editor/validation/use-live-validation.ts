'use client';
// Runs the engine's validate() in a worker (validate.worker.ts) a moment after each document change and stores the
// issues; the shared resources the flow references (subflows, schedules, skill groups, integration keys) come from
// the server, so the editor reports what publishing would.

import { useEffect } from 'react';
import { trpc } from '../../../_lib/trpc-client';
import type { EditorStoreApi } from '../store/create-editor-store';
import { sameDocContent } from '../store/use-content';
import { createResourceTracker } from './validation-resources';
import { startValidationWorker } from './validation-worker';

/** Quiet time after the last change before validating: typing in the inspector does not validate per key. */
export const validationDelayMs = 300;

export function useLiveValidation(store: EditorStoreApi): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const worker = startValidationWorker();
    const tracker = createResourceTracker(
      (keys) => trpc.flows.resourceBundle.query(keys),
      () => run(),
    );
    function run() {
      const doc = store.getState().doc;
      const options = tracker.optionsFor(doc);
      // Before the first bundle arrives, validating without it would flash false "unknown" errors; it reruns on arrival.
      if (!options) return;
      void worker.validate(doc, options.resources).then(
        (issues) => issues && store.getState().setIssues(issues),
        (error: unknown) => console.error(error),
      );
    }
    // The work runs in the worker; the first request (which copies the whole document to it) still waits for idle
    // time, so a big flow's canvas paints and answers first; its badges follow a moment later.
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : undefined;
    if (idle === undefined) timer = setTimeout(run, 0);
    // Back in this window: a resource may have been made elsewhere, so the "unknown key" problems are checked again.
    const onFocus = () => {
      tracker.reload();
      run();
    };
    window.addEventListener('focus', onFocus);
    const unsubscribe = store.subscribe((state, previous) => {
      // Positions are never checked: a drag (a new document on every frame) does not copy the draft to the worker again.
      if (state.doc === previous.doc || sameDocContent(state.doc, previous.doc)) return;
      clearTimeout(timer);
      timer = setTimeout(run, validationDelayMs);
    });
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      window.removeEventListener('focus', onFocus);
      tracker.dispose();
      unsubscribe();
      worker.dispose();
    };
  }, [store]);
}
