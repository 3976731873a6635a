// The editor store's state and action types: the document (in history) and everything around it (out of history).

import type { FlowDocument } from '../../../../flow-engine/document';
import type { ValidationIssue } from '../../../../flow-engine/validate/validation-issue';
import type { EditorCommand } from '../commands/editor-command';
import type { CanvasMarks, MarkLayer, MarkLayers } from './canvas-marks';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';

/** Who saved the revision that made ours stale (from the CONFLICT error's data). */
export interface SaveConflict {
  revision: number;
  savedBy: string | null;
  savedAt: string;
  /** The same account saved it: another tab or window of this user. */
  bySelf?: boolean;
}

/** What a conflict that needs choices merges from: the draft this editor last saved or loaded, and the server's now. */
export interface PendingMerge {
  base: FlowDocument;
  theirs: FlowDocument;
  /** The server revision of `theirs`: the merged result saves on top of it. */
  revision: number;
  savedAt: string;
}

export interface SaveState {
  status: SaveStatus;
  /** The server revision the current document is based on. */
  revision: number;
  /** When the last save landed (ISO). */
  savedAt?: string;
  conflict?: SaveConflict;
  /** Set with a conflict whose nodes both sides changed: the dialog settles it node by node. */
  merge?: PendingMerge;
  /** The last save's error message (status `error`). */
  error?: string;
}

export interface NodeIssueCount {
  errors: number;
  warnings: number;
}

export interface EditorState {
  flowId: string;
  /** The draft being edited: the only part undo/redo tracks. */
  doc: FlowDocument;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** A field the inspector should focus (JSON pointer under the selected node), set by the problems panel. */
  focusPath?: string;
  /** Sizes React Flow measured, kept so that a re-created node is not measured from scratch. */
  measured: Record<string, { width: number; height: number }>;
  issues: { errors: ValidationIssue[]; warnings: ValidationIssue[] };
  nodeIssues: Record<string, NodeIssueCount>;
  /** Nodes drawn with a highlight: what changed since the last version, in the publish dialog. */
  highlighted: Record<string, true>;
  /** Marks painted by the simulator, coverage and test results, one layer each (canvas-marks.ts). */
  marks: MarkLayers;
  save: SaveState;
  /** The design cannot change: only designers edit nodes, edges and flow settings. */
  readOnly: boolean;
  /** The test cases can change (tester and up): true for designers, and for testers while `readOnly`. */
  testsEditable: boolean;
}

export interface EditorActions {
  /** The one entry point for document changes. */
  dispatch(command: EditorCommand): void;
  select(nodeIds: string[], edgeIds: string[], focusPath?: string): void;
  /** A drag (or any gesture made of many changes) becomes one history entry. */
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  setMeasured(sizes: Record<string, { width: number; height: number }>): void;
  setIssues(issues: { errors: ValidationIssue[]; warnings: ValidationIssue[] }): void;
  setHighlighted(nodeIds: string[]): void;
  /** Replace one layer of canvas marks; undefined clears it. */
  setMarks(layer: MarkLayer, marks: CanvasMarks | undefined): void;
  /**
   * Put the server's draft in the editor (conflict reload). History restarts with one step: undo brings back
   * `replacing` (the editor's document unless given, e.g. a browser copy from a closed tab). Allowed read-only: it
   * edits nothing, it catches up with what the server has.
   */
  loadServerDraft(document: FlowDocument, replacing?: FlowDocument): void;
  /**
   * Put a merge of the server's draft and the editor's in the editor, as one undo step (undo returns to what the
   * editor held). Allowed read-only: it brings in other people's changes, it edits nothing itself.
   */
  applyMerge(document: FlowDocument): void;
  setSave(patch: Partial<SaveState>): void;
}

export type EditorStore = EditorState & EditorActions;
