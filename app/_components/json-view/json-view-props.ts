// The props of the JSON view: the draft shown as JSON, and the one command that applies an edited document back.

import type { FlowDocument } from '../../../flow-engine/document';

export interface JsonViewProps {
  flow: FlowDocument;
  /** Apply an edited whole document back to the canvas: one command. */
  onApply(flow: FlowDocument): void;
  readOnly?: boolean;
}
