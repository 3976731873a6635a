// Every change to the flow document, as plain serializable data: the one vocabulary of the command layer.

import type { FlowDocument, FlowEdge, FlowNode, Position, VariableDeclaration } from '../../../../flow-engine/document';

/** Top-level fields a panel may replace (the flow inspector's contract; the simulator's and tests panel's `tests`). */
export type FlowPatch = Partial<
  Pick<FlowDocument, 'name' | 'description' | 'languages' | 'defaultLanguage' | 'variables' | 'tests'>
>;

// Commands carry ids, never array indexes, so that a later collaborative layer can apply them to a peer's copy.
export type EditorCommand =
  /** Palette drop and paste: new nodes and the edges between them, plus variables the paste brings along. */
  | { kind: 'addElements'; nodes: FlowNode[]; edges: FlowEdge[]; variables?: VariableDeclaration[] }
  /** Drag, auto-layout. */
  | { kind: 'moveNodes'; positions: Record<string, Position> }
  /** Delete; edges touching a removed node go with it. The start node is kept. */
  | { kind: 'removeElements'; nodeIds: string[]; edgeIds: string[] }
  /** A port leads to one node: connecting a port replaces its previous edge. */
  | { kind: 'connect'; edge: FlowEdge }
  | { kind: 'reconnect'; edgeId: string; source: string; port: string; target: string }
  | { kind: 'setNodeConfig'; nodeId: string; config: Record<string, unknown> }
  | { kind: 'setNodeLabel'; nodeId: string; label: string }
  /** An empty note removes it. */
  | { kind: 'setNodeNote'; nodeId: string; note: string }
  | { kind: 'updateFlow'; patch: FlowPatch }
  /** JSON view, restoring a saved copy: the whole document at once. */
  | { kind: 'replaceDocument'; document: FlowDocument };
