// The props every inspector form gets: forms change the document only through these callbacks (one command each).

import type { FlowDocument, FlowNode } from '../../../flow-engine/document';

export interface InspectorProps {
  /** The selected node as it is in the document. */
  node: FlowNode;
  /** The whole draft: variables, languages, other nodes. */
  flow: FlowDocument;
  /** Replace the node's config: one command, one undo entry. */
  onConfigChange(config: Record<string, unknown>): void;
  onLabelChange(label: string): void;
  /** JSON path under the node of a field to focus, from the problems panel, e.g. "/config/options/0/key". */
  focusPath?: string;
  readOnly?: boolean;
}

export interface FlowInspectorProps {
  flow: FlowDocument;
  /** Replace top-level fields (name, description, languages, defaultLanguage, variables): one command. */
  onFlowChange(patch: Partial<Pick<FlowDocument, 'name' | 'description' | 'languages' | 'defaultLanguage' | 'variables'>>): void;
  readOnly?: boolean;
}

export interface JsonViewProps {
  flow: FlowDocument;
  /** Apply an edited whole document back to the canvas: one command. */
  onApply(flow: FlowDocument): void;
  readOnly?: boolean;
}
