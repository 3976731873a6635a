'use client';
// Runs the engine's validate() in a worker (validate.worker.ts) a moment after each document change and stores the issues.

import { useEffect } from 'react';
import type { EditorStoreApi } from '../store/create-editor-store';
import { startValidationWorker } from './validation-worker';

/** Quiet time after the last change before validating: typing in the inspector does not validate per key. */
export const validationDelayMs = 300;

export function useLiveValidation(store: EditorStoreApi): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const worker = startValidationWorker();
    const run = () => {
      void worker.validate(store.getState().doc).then((issues) => issues && store.getState().setIssues(issues), (error: unknown) => console.error(error));
    };
    // The work runs in the worker; the first request (which copies the whole document to it) still waits for idle
    // time, so a big flow's canvas paints and answers first; its badges follow a moment later.
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : undefined;
    if (idle === undefined) timer = setTimeout(run, 0);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.doc === previous.doc) return;
      clearTimeout(timer);
      timer = setTimeout(run, validationDelayMs);
    });
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      unsubscribe();
      worker.dispose();
    };
  }, [store]);
}
