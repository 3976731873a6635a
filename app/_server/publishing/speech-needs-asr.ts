// Publishing refuses a flow whose speech nodes (its own or its subflows') would run on runtimes without speech recognition.

import { flowsOf } from '../../../flow-engine/compile';
import type { FlowDocument } from '../../../flow-engine/document';
import type { ResourceResolver } from '../../../flow-engine/resources';
import type { ValidationIssue } from '../../../flow-engine/validate/validation-issue';

/**
 * Null when `asrEngine` is configured or no speech node is reachable; otherwise one issue naming every speech node
 * (a subflow's as `subflowKey/nodeId`) and the setting. The studio and the runtimes share CALLFLOW_ASR_ENGINE, so a
 * flow refused here is one callers could not answer by voice.
 */
export function speechWithoutAsrIssue(document: FlowDocument, resources: ResourceResolver, asrEngine: string | undefined): ValidationIssue | null {
  if (asrEngine) return null;
  const names: string[] = [];
  let first: { nodeId: string; index: number } | undefined;
  for (const flow of flowsOf(document, resources)) {
    flow.nodes.forEach((node, index) => {
      if (node.type !== 'speech') return;
      if (flow === document) {
        names.push(`"${node.id}"`);
        first ??= { nodeId: node.id, index };
      } else {
        names.push(`"${flow.id}/${node.id}"`);
      }
    });
  }
  if (names.length === 0) return null;
  const subject = names.length === 1 ? `Speech node ${names[0]} needs` : `Speech nodes ${names.join(', ')} need`;
  return {
    rule: 'asr-engine',
    severity: 'error',
    message: `${subject} speech recognition, but no ASR engine is configured (CALLFLOW_ASR_ENGINE); configure one or use a menu.`,
    path: first ? `/nodes/${first.index}` : '',
    ...(first ? { nodeId: first.nodeId } : {}),
  };
}
