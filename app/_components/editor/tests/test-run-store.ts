// The last run of the flow's tests in the browser, shared by the tests panel, the top bar and the publish dialog;
// one small store per editor store, which also keeps the 'coverage' and 'testDiff' canvas layers in step with it.

import { useCallback } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FlowDocument } from '../../../../flow-engine/document';
import type { ResourceResolver } from '../../../../flow-engine/resources';
import { runTests, type TestReport } from '../../../../flow-engine/simulator/run-tests';
import { coverageMarks } from '../coverage/coverage-marks';
import { loadEditorResources } from '../resources/load-editor-resources';
import type { EditorStoreApi } from '../store/create-editor-store';
import { useEditorStoreApi } from '../store/editor-store-context';
import { pathDiff, type PathDiff } from './path-diff';

export interface TestRunState {
  status: 'idle' | 'running' | 'done' | 'error';
  report?: TestReport;
  /** The draft the report is about: once the draft changes, the report is out of date. */
  ranOn?: FlowDocument;
  /** Why the tests could not run (the flow does not compile, a resource is missing…). */
  error?: string;
  /** Whether what no test reached is painted on the canvas. */
  coverageShown: boolean;
  /** The case (index in the report) whose path difference is painted. */
  diffCase?: number;
  diff?: PathDiff;
}

export interface TestRunActions {
  /** Run every test of the current draft; a run already under way is joined, not repeated. */
  /** Run the draft's tests; `loadResources` gives the shared resources they need (its failure is the run's error). */
  run(loadResources?: (doc: FlowDocument) => Promise<ResourceResolver>): Promise<TestReport | undefined>;
  showCoverage(shown: boolean): void;
  /** Paint one case's expected-vs-actual path on the canvas; undefined clears it. */
  showDiff(index: number | undefined): void;
}

export type TestRunStore = TestRunState & TestRunActions;

const stores = new WeakMap<EditorStoreApi, StoreApi<TestRunStore>>();

/** The test-run store of one editor (made on first use). */
export function testRunStoreOf(editor: EditorStoreApi): StoreApi<TestRunStore> {
  let store = stores.get(editor);
  if (!store) stores.set(editor, (store = createTestRunStore(editor)));
  return store;
}

export function createTestRunStore(editor: EditorStoreApi): StoreApi<TestRunStore> {
  let pending: Promise<TestReport | undefined> | undefined;

  const paintCoverage = (state: TestRunState) =>
    editor
      .getState()
      .setMarks('coverage', state.coverageShown && state.report ? coverageMarks(state.report.coverage) : undefined);

  const store = createStore<TestRunStore>()((set, get) => ({
    status: 'idle',
    coverageShown: true,

    run(loadResources) {
      pending ??= (async () => {
        const doc = editor.getState().doc;
        set({ status: 'running', error: undefined });
        editor.getState().setMarks('testDiff', undefined);
        // Let the panel paint "running" before the engine takes the main thread.
        await new Promise((resolve) => setTimeout(resolve, 0));
        try {
          const resources = await loadResources?.(doc);
          const report = await runTests(doc, resources ? { resources } : {});
          set({ status: 'done', report, ranOn: doc, diffCase: undefined, diff: undefined });
          paintCoverage(get());
          return report;
        } catch (error) {
          set({
            status: 'error',
            error: error instanceof Error ? error.message : String(error),
            report: undefined,
            ranOn: doc,
            diffCase: undefined,
            diff: undefined,
          });
          paintCoverage(get());
          return undefined;
        } finally {
          pending = undefined;
        }
      })();
      return pending;
    },

    showCoverage(shown) {
      set({ coverageShown: shown });
      paintCoverage(get());
    },

    showDiff(index) {
      const { report, ranOn } = get();
      const result = index === undefined ? undefined : report?.cases[index];
      const testCase = index === undefined ? undefined : ranOn?.tests?.[index];
      if (!result || !testCase || !ranOn) {
        set({ diffCase: undefined, diff: undefined });
        editor.getState().setMarks('testDiff', undefined);
        return;
      }
      const diff = pathDiff(ranOn, testCase.expect, result.trace);
      set({ diffCase: index, diff });
      editor.getState().setMarks('testDiff', diff.marks);
    },
  }));
  return store;
}

/** Read one slice of this editor's test run. */
export function useTestRun<T>(selector: (state: TestRunStore) => T): T {
  return useStore(testRunStoreOf(useEditorStoreApi()), selector);
}

/** The store itself, for actions. */
export function useTestRunApi(): StoreApi<TestRunStore> {
  return testRunStoreOf(useEditorStoreApi());
}

/** Runs the draft's tests; the panel and the publish dialog both start runs through this. */
export function useRunTests(): () => Promise<TestReport | undefined> {
  const api = useTestRunApi();
  return useCallback(() => api.getState().run(loadEditorResources), [api]);
}
