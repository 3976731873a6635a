// The props every node type's inspector form gets: forms change the document only through these callbacks (one command each).

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
