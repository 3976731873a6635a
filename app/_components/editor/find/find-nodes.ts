// Find a node by label, id, prompt text or variable: the matches of the Ctrl/Cmd-F box, best first.

import type { FlowDocument, FlowNode } from '../../../../flow-engine/document';
import { getNodeDefinition } from '../../../../flow-engine/nodes/index';

export type MatchField = 'label' | 'id' | 'prompt' | 'variable';

export interface NodeMatch {
  nodeId: string;
  field: MatchField;
  /** The text that matched, to show in the result list. */
  text: string;
}

const fieldRank: Record<MatchField, number> = { label: 0, id: 1, prompt: 2, variable: 3 };

function searchableTexts(node: FlowNode): { field: MatchField; text: string }[] {
  const out: { field: MatchField; text: string }[] = [];
  if (node.label) out.push({ field: 'label', text: node.label });
  out.push({ field: 'id', text: node.id });
  const definition = getNodeDefinition(node.type);
  const parsed = definition?.config.safeParse(node.config ?? {});
  if (definition && parsed?.success) {
    const refs = definition.references(parsed.data);
    for (const t of refs.templates) out.push({ field: 'prompt', text: t.source });
    for (const w of refs.writes) out.push({ field: 'variable', text: w.name });
    for (const e of refs.expressions) out.push({ field: 'variable', text: e.source });
  }
  return out;
}

/**
 * Nodes whose label, id, prompt text or variables contain `query` (case-insensitive), one match per node.
 * @example
 * findNodes(doc, 'order'); // [{ nodeId: 'orders', field: 'label', text: 'Orders' }, …]
 */
export function findNodes(doc: FlowDocument, query: string, limit = 50): NodeMatch[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches: NodeMatch[] = [];
  for (const node of doc.nodes) {
    let best: NodeMatch | undefined;
    for (const { field, text } of searchableTexts(node)) {
      if (!text.toLowerCase().includes(needle)) continue;
      if (!best || fieldRank[field] < fieldRank[best.field]) best = { nodeId: node.id, field, text };
    }
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => fieldRank[a.field] - fieldRank[b.field]).slice(0, limit);
}
