// Small builders for flow documents in engine tests: nodes in a chain, edges as "source:port->target".

import type { FlowDocument, FlowNode, VariableDeclaration } from '../../../flow-engine/document';

export function node(id: string, type: string, config: Record<string, unknown> = {}): FlowNode {
  return { id, type, position: { x: 0, y: 0 }, config };
}

/** `"menu:1->sales"` is an edge from menu's port 1 to sales. */
export function edges(...specs: string[]) {
  return specs.map((spec, i) => {
    const [, source, port, target] = /^(.+?):(.+?)->(.+)$/.exec(spec) ?? [];
    if (!source || !port || !target) throw new Error(`bad edge spec ${spec}`);
    return { id: `e${i + 1}`, source, port, target };
  });
}

export function flow(
  nodes: FlowNode[],
  edgeSpecs: string[],
  extra: { variables?: VariableDeclaration[]; languages?: string[]; kind?: 'flow' | 'subflow'; id?: string } = {},
): FlowDocument {
  return {
    schemaVersion: 1,
    id: extra.id ?? 'test-flow',
    name: 'Test flow',
    kind: extra.kind,
    languages: extra.languages ?? ['en-US'],
    defaultLanguage: extra.languages?.[0] ?? 'en-US',
    variables: [...(extra.variables ?? [])],
    nodes: [node('start', 'start'), ...nodes],
    edges: edges(...edgeSpecs),
  };
}

export const tts = (text: string, lang = 'en-US') => ({ tts: { [lang]: text } });
