// What the canvas shows of a node: its ports and one-line summary, from the engine definition, cached per config.

import type { PortSpec } from '../../../flow-engine/define-node';
import type { FlowNode } from '../../../flow-engine/document';
import { getNodeDefinition } from '../../../flow-engine/nodes/index';
import type { NodeSummary } from '../../../flow-engine/nodes/summary-messages';

export interface NodeView {
  ports: PortSpec[];
  /** The admin's text, or a code the canvas words from the catalogue (`editor.summaries`). */
  summary: NodeSummary;
  /** The config does not parse yet: ports and summary come from what is there. */
  incomplete: boolean;
}

// Keyed by the config object: the command layer replaces a config when it changes, so identity means "unchanged".
const cache = new WeakMap<object, Map<string, NodeView>>();

function compute(node: FlowNode): NodeView {
  const definition = getNodeDefinition(node.type);
  if (!definition) return { ports: [], summary: '', incomplete: true };
  const parsed = definition.config.safeParse(node.config ?? {});
  const config = parsed.success ? parsed.data : node.config;
  // A half-filled config (a new menu, a rule without its expression) still has the ports its lists name.
  let ports: PortSpec[];
  let summary: NodeSummary;
  try {
    ports = definition.ports(config);
  } catch {
    ports = [];
  }
  try {
    summary = parsed.success ? definition.summary(parsed.data) : '';
  } catch {
    summary = '';
  }
  return { ports, summary, incomplete: !parsed.success };
}

/**
 * Ports and summary of a node for the canvas, recomputed only when its type or config object changes.
 * @example
 * nodeView(menuNode).ports.map((p) => p.name); // ['1', '2', 'noInput', 'invalid']
 */
export function nodeView(node: FlowNode): NodeView {
  const config = (node.config ?? {}) as object;
  let byType = cache.get(config);
  if (!byType) cache.set(config, (byType = new Map<string, NodeView>()));
  let view = byType.get(node.type);
  if (!view) byType.set(node.type, (view = compute(node)));
  return view;
}
