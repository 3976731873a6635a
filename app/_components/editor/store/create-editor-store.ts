// createEditorStore(): one zustand store per open flow, with zundo history of the document only.

import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { FlowDocument } from '../../../../flow-engine/document';
import { applyCommand } from '../commands/apply-command';
import { commandAllowed } from './command-permission';
import type { EditorState, EditorStore, NodeIssueCount } from './editor-state';

export interface EditorStoreInit {
  flowId: string;
  doc: FlowDocument;
  revision: number;
  savedAt?: string;
  /** The design cannot change (not a designer, or the flow is archived). */
  readOnly?: boolean;
  /** The test cases can change even when the design cannot (tester); defaults to `!readOnly`. */
  testsEditable?: boolean;
}

const historyLimit = 200;

function countByNode(issues: EditorState['issues']): Record<string, NodeIssueCount> {
  const counts: Record<string, NodeIssueCount> = {};
  for (const issue of issues.errors) if (issue.nodeId) (counts[issue.nodeId] ??= { errors: 0, warnings: 0 }).errors++;
  for (const issue of issues.warnings)
    if (issue.nodeId) (counts[issue.nodeId] ??= { errors: 0, warnings: 0 }).warnings++;
  return counts;
}

/**
 * Make the store of one editor. History holds only `doc`; selection, sizes, issues and save state stay out.
 * @example
 * const store = createEditorStore({ flowId, doc, revision: 3 });
 * store.getState().dispatch({ kind: 'setNodeLabel', nodeId: 'menu', label: 'Main menu' });
 * store.temporal.getState().pastStates.length; // 1
 */
export function createEditorStore(init: EditorStoreInit) {
  // The document before the running gesture, recorded as that gesture's one undo entry when it ends.
  let gestureStart: FlowDocument | undefined;

  const store = createStore<EditorStore>()(
    temporal(
      (set, get) => ({
        flowId: init.flowId,
        doc: init.doc,
        selectedNodeIds: [],
        selectedEdgeIds: [],
        measured: {},
        issues: { errors: [], warnings: [] },
        nodeIssues: {},
        highlighted: {},
        marks: {},
        save: { status: 'saved', revision: init.revision, savedAt: init.savedAt },
        readOnly: init.readOnly ?? false,
        testsEditable: init.testsEditable ?? !(init.readOnly ?? false),

        dispatch(command) {
          const { doc, readOnly, testsEditable } = get();
          if (!commandAllowed(command, { readOnly, testsEditable })) return;
          const next = applyCommand(doc, command);
          if (next === doc) return;
          // The same array when no selected node went (a drag frame): its subscribers do not re-render.
          const selected = get().selectedNodeIds;
          const present = next.nodes === doc.nodes ? undefined : new Set(next.nodes.map((n) => n.id));
          const kept = present ? selected.filter((id) => present.has(id)) : selected;
          set({
            doc: next,
            selectedNodeIds: kept.length === selected.length ? selected : kept,
            ...(get().save.status === 'saved' ? { save: { ...get().save, status: 'unsaved' } } : {}),
          });
        },
        select(nodeIds, edgeIds, focusPath) {
          set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds, focusPath });
        },
        beginGesture() {
          if (gestureStart) return;
          gestureStart = get().doc;
          store.temporal.getState().pause();
        },
        endGesture() {
          const before = gestureStart;
          if (!before) return;
          gestureStart = undefined;
          const after = get().doc;
          if (after === before) {
            store.temporal.getState().resume();
            return;
          }
          // Put the pre-gesture document back while paused, then apply the result tracked: one entry.
          set({ doc: before });
          store.temporal.getState().resume();
          set({ doc: after });
        },
        undo() {
          if (store.temporal.getState().pastStates.length === 0) return;
          store.temporal.getState().undo();
          dropMissingFromSelection();
          markUnsaved();
        },
        redo() {
          if (store.temporal.getState().futureStates.length === 0) return;
          store.temporal.getState().redo();
          dropMissingFromSelection();
          markUnsaved();
        },
        setMeasured(sizes) {
          set({ measured: { ...get().measured, ...sizes } });
        },
        setIssues(issues) {
          set({ issues, nodeIssues: countByNode(issues) });
        },
        setHighlighted(nodeIds) {
          set({ highlighted: Object.fromEntries(nodeIds.map((id) => [id, true as const])) });
        },
        setMarks(layer, marks) {
          const next = { ...get().marks };
          if (marks) next[layer] = marks;
          else delete next[layer];
          set({ marks: next });
        },
        loadServerDraft(document, replacing = get().doc) {
          const present = new Set(document.nodes.map((n) => n.id));
          // History restarts at what is replaced, so that one undo brings the dropped changes back.
          store.temporal.getState().clear();
          if (replacing !== get().doc) {
            store.temporal.getState().pause();
            set({ doc: replacing });
            store.temporal.getState().resume();
          }
          set({ doc: document, selectedNodeIds: get().selectedNodeIds.filter((id) => present.has(id)) });
        },
        applyMerge(document) {
          const present = new Set(document.nodes.map((n) => n.id));
          set({ doc: document, selectedNodeIds: get().selectedNodeIds.filter((id) => present.has(id)) });
        },
        setSave(patch) {
          set({ save: { ...get().save, ...patch } });
        },
      }),
      {
        partialize: (state) => ({ doc: state.doc }),
        equality: (past, current) => past.doc === current.doc,
        limit: historyLimit,
      },
    ),
  );

  /** Undoing a paste removes nodes that are still selected: the selection keeps only what the document has. */
  function dropMissingFromSelection() {
    const { doc, selectedNodeIds, selectedEdgeIds } = store.getState();
    const nodes = new Set(doc.nodes.map((n) => n.id));
    const edges = new Set(doc.edges.map((e) => e.id));
    const keptNodes = selectedNodeIds.filter((id) => nodes.has(id));
    const keptEdges = selectedEdgeIds.filter((id) => edges.has(id));
    if (keptNodes.length !== selectedNodeIds.length || keptEdges.length !== selectedEdgeIds.length)
      store.setState({ selectedNodeIds: keptNodes, selectedEdgeIds: keptEdges });
  }

  function markUnsaved() {
    const { save } = store.getState();
    if (save.status === 'saved') store.getState().setSave({ status: 'unsaved' });
  }

  return store;
}

export type EditorStoreApi = ReturnType<typeof createEditorStore>;
