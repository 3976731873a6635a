// Publishing refuses a flow whose speech nodes (its own or its subflows') would run on runtimes without speech recognition.

import 'server-only';
import { flowsOf } from '../../../flow-engine/compile';
import type { FlowDocument } from '../../../flow-engine/document';
import type { ResourceResolver } from '../../../flow-engine/resources';
import type { ValidationIssue } from '../../../flow-engine/validate/validation-issue';

/** This flow's node the issue points at: the speech node itself, or the subflow node whose flow holds one. */
interface Culprit {
  nodeId: string;
  path: string;
}

/**
 * Null when `asrEngine` is configured or no speech node is reachable; otherwise one issue naming every speech node
 * (a subflow's as `subflowId/nodeId`) and the setting, pointing at the first node of this flow responsible. The studio
 * and the runtimes share CALLFLOW_ASR_ENGINE, so a flow refused here is one callers could not answer by voice.
 */
export function speechWithoutAsrIssue(
  document: FlowDocument,
  resources: ResourceResolver,
  asrEngine: string | undefined,
): ValidationIssue | null {
  if (asrEngine) return null;
  const names = new Set<string>();
  let culprit: Culprit | undefined;
  document.nodes.forEach((node, index) => {
    if (node.type === 'speech') {
      names.add(`"${node.id}"`);
      culprit ??= { nodeId: node.id, path: `/nodes/${index}` };
      return;
    }
    const key = node.type === 'subflow' ? (node.config as { flow?: { ref?: unknown } }).flow?.ref : undefined;
    const sub = typeof key === 'string' ? resources.subflow(key) : undefined;
    if (!sub) return;
    // flowsOf follows nested subflows (each once), so a speech node two levels down is found too.
    for (const inner of flowsOf(sub, resources)) {
      for (const innerNode of inner.nodes) {
        if (innerNode.type !== 'speech') continue;
        names.add(`"${inner.id}/${innerNode.id}"`);
        culprit ??= { nodeId: node.id, path: `/nodes/${index}/config/flow` };
      }
    }
  });
  if (!culprit) return null;
  const list = [...names];
  const subject = list.length === 1 ? `Speech node ${list[0]} needs` : `Speech nodes ${list.join(', ')} need`;
  const message = `${subject} speech recognition, but no ASR engine is configured (CALLFLOW_ASR_ENGINE); configure one or use a menu.`;
  return {
    rule: 'asr-engine',
    code: 'asr-engine',
    params: { detail: message },
    severity: 'error',
    message,
    path: culprit.path,
    nodeId: culprit.nodeId,
  };
}
