// applyCommand(): the pure function behind every document change; unchanged nodes and edges keep their identity.

import type { FlowDocument, FlowEdge, FlowNode } from '../../../../flow-engine/document';
import type { EditorCommand } from './editor-command';

function mapNode(doc: FlowDocument, nodeId: string, change: (node: FlowNode) => FlowNode): FlowDocument {
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    if (node.id !== nodeId) return node;
    const next = change(node);
    changed ||= next !== node;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

/** The edges with the one from `edge.source`/`edge.port` replaced by `edge` (a port has one exit). */
function withEdge(edges: FlowEdge[], edge: FlowEdge, replacing?: string): FlowEdge[] {
  const kept = edges.filter((e) => e.id !== replacing && !(e.source === edge.source && e.port === edge.port));
  return [...kept, edge];
}

/**
 * Apply one command to a document and return the new document (the same object when nothing changed).
 * @example
 * const next = applyCommand(doc, { kind: 'setNodeLabel', nodeId: 'menu', label: 'Main menu' });
 */
export function applyCommand(doc: FlowDocument, command: EditorCommand): FlowDocument {
  switch (command.kind) {
    case 'addElements': {
      const taken = new Set(doc.nodes.map((n) => n.id));
      const nodes = command.nodes.filter((n) => !taken.has(n.id));
      if (nodes.length === 0 && command.edges.length === 0) return doc;
      const known = new Set(doc.variables.map((v) => v.name));
      const variables = (command.variables ?? []).filter((v) => !known.has(v.name));
      let edges = doc.edges;
      for (const edge of command.edges) edges = withEdge(edges, edge);
      return {
        ...doc,
        nodes: [...doc.nodes, ...nodes],
        edges,
        variables: variables.length ? [...doc.variables, ...variables] : doc.variables,
      };
    }
    case 'moveNodes': {
      let changed = false;
      const nodes = doc.nodes.map((node) => {
        const to = command.positions[node.id];
        if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
        changed = true;
        return { ...node, position: { x: to.x, y: to.y } };
      });
      return changed ? { ...doc, nodes } : doc;
    }
    case 'removeElements': {
      const startIds = new Set(doc.nodes.filter((n) => n.type === 'start').map((n) => n.id));
      const nodeIds = new Set(command.nodeIds.filter((id) => !startIds.has(id)));
      const edgeIds = new Set(command.edgeIds);
      const nodes = doc.nodes.filter((n) => !nodeIds.has(n.id));
      const edges = doc.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
      if (nodes.length === doc.nodes.length && edges.length === doc.edges.length) return doc;
      return { ...doc, nodes, edges };
    }
    case 'connect':
      return { ...doc, edges: withEdge(doc.edges, command.edge) };
    case 'reconnect': {
      const old = doc.edges.find((e) => e.id === command.edgeId);
      if (!old) return doc;
      const edge: FlowEdge = { id: old.id, source: command.source, port: command.port, target: command.target };
      return { ...doc, edges: withEdge(doc.edges, edge, old.id) };
    }
    case 'setNodeConfig':
      return mapNode(doc, command.nodeId, (node) =>
        node.config === command.config ? node : { ...node, config: command.config },
      );
    case 'setNodeLabel':
      return mapNode(doc, command.nodeId, (node) => {
        if ((node.label ?? '') === command.label) return node;
        const { label: _old, ...rest } = node;
        return command.label === '' ? rest : { ...rest, label: command.label };
      });
    case 'setNodeNote':
      return mapNode(doc, command.nodeId, (node) => {
        if ((node.note ?? '') === command.note) return node;
        const { note: _old, ...rest } = node;
        return command.note.trim() === '' ? rest : { ...rest, note: command.note };
      });
    case 'updateFlow':
      return { ...doc, ...command.patch };
    case 'replaceDocument':
      return command.document;
  }
}
