// Copy and paste of nodes within and between flows: what a copy carries, and the paste command with fresh ids.

import type { ResourceKind } from '../../../../flow-engine/define-node';
import type { FlowDocument, FlowEdge, FlowNode, Position, VariableDeclaration } from '../../../../flow-engine/document';
import { getNodeDefinition } from '../../../../flow-engine/nodes/index';
import type { EditorCommand } from '../commands/editor-command';
import { newElementId } from '../commands/new-id';

export interface ClipboardPayload {
  format: 'callflow-nodes/1';
  sourceFlowId: string;
  nodes: FlowNode[];
  /** Only edges between copied nodes. */
  edges: FlowEdge[];
  /** Declarations, from the source flow, of the variables the copied nodes read or write. */
  variables: VariableDeclaration[];
  /** Shared resources the copied nodes refer to by key. */
  resources: { kind: ResourceKind; key: string }[];
}

export interface PastePlan {
  command: Extract<EditorCommand, { kind: 'addElements' }>;
  /** Ids of the new nodes, to select after the paste. */
  nodeIds: string[];
  /** Variables the nodes use that the target flow does not declare. */
  missingVariables: VariableDeclaration[];
  resources: ClipboardPayload['resources'];
}

/** Text of a node's config that may mention variables: expressions and templates, plus the names it writes. */
function variableMentions(node: FlowNode): { texts: string[]; writes: string[] } {
  const definition = getNodeDefinition(node.type);
  const parsed = definition?.config.safeParse(node.config ?? {});
  if (!definition || !parsed?.success) return { texts: [JSON.stringify(node.config ?? {})], writes: [] };
  const refs = definition.references(parsed.data);
  return {
    texts: [...refs.expressions, ...refs.templates].map((r) => r.source),
    writes: refs.writes.map((w) => w.name),
  };
}

function resourcesOf(node: FlowNode): ClipboardPayload['resources'] {
  const definition = getNodeDefinition(node.type);
  const parsed = definition?.config.safeParse(node.config ?? {});
  if (!definition || !parsed?.success) return [];
  return definition.references(parsed.data).resources.map((r) => ({ kind: r.kind, key: r.key }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a copy of the given nodes carries. The start node is never copied (a flow has exactly one).
 * @example
 * const payload = copyNodes(doc, ['menu', 'orders']); // payload.edges: the edge menu→orders only
 */
export function copyNodes(doc: FlowDocument, nodeIds: readonly string[]): ClipboardPayload {
  const wanted = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => wanted.has(n.id) && n.type !== 'start');
  const ids = new Set(nodes.map((n) => n.id));
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const texts: string[] = [];
  const written = new Set<string>();
  for (const node of nodes) {
    const mention = variableMentions(node);
    texts.push(...mention.texts);
    for (const name of mention.writes) written.add(name);
  }
  const joined = texts.join('\n');
  const variables = doc.variables.filter(
    (v) => written.has(v.name) || new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(v.name)}([^A-Za-z0-9_]|$)`).test(joined),
  );
  const seen = new Set<string>();
  const resources = nodes.flatMap(resourcesOf).filter((r) => {
    const key = `${r.kind}:${r.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { format: 'callflow-nodes/1', sourceFlowId: doc.id, nodes, edges, variables, resources };
}

export function isClipboardPayload(value: unknown): value is ClipboardPayload {
  const v = value as ClipboardPayload | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === 'callflow-nodes/1' &&
    Array.isArray(v.nodes) &&
    Array.isArray(v.edges) &&
    Array.isArray(v.variables)
  );
}

/**
 * The command that pastes a copy into `target`: every node and edge gets a new id, positions keep their shape and
 * are moved so that the copy's top-left corner lands at `at`.
 */
export function planPaste(target: FlowDocument, payload: ClipboardPayload, at: Position): PastePlan {
  const taken = new Set(target.nodes.map((n) => n.id));
  const idMap = new Map<string, string>();
  for (const node of payload.nodes) {
    const id = newElementId(node.type, taken);
    taken.add(id);
    idMap.set(node.id, id);
  }
  const minX = Math.min(...payload.nodes.map((n) => n.position.x));
  const minY = Math.min(...payload.nodes.map((n) => n.position.y));
  const nodes = payload.nodes.map((node) => ({
    ...node,
    id: idMap.get(node.id)!,
    position: { x: Math.round(node.position.x - minX + at.x), y: Math.round(node.position.y - minY + at.y) },
  }));
  const edgeIds = new Set(target.edges.map((e) => e.id));
  const edges = payload.edges.map((edge) => {
    const id = newElementId('e', edgeIds);
    edgeIds.add(id);
    return { id, source: idMap.get(edge.source)!, port: edge.port, target: idMap.get(edge.target)! };
  });
  const declared = new Set(target.variables.map((v) => v.name));
  return {
    command: { kind: 'addElements', nodes, edges },
    nodeIds: nodes.map((n) => n.id),
    missingVariables: payload.variables.filter((v) => !declared.has(v.name)),
    resources: payload.resources,
  };
}
