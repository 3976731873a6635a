// The call graph as a caller meets it: where each port leads, and the keys a caller presses to reach a node.

import type { FlowDocument, FlowEdge, FlowNode } from '../document';

/** One choice the caller makes on the way: a key or intent (`port`) at a menu or speech node. */
export interface KeyStep {
  node: string;
  port: string;
}

/** Node types where the port taken is the caller's own choice (a key, a spoken intent). */
const choiceTypes = new Set(['menu', 'speech']);

/** Node types whose key path is worth reporting: where a caller can be sent or is asked again. */
export const destinationTypes = new Set(['menu', 'speech', 'queue', 'transfer', 'callback', 'record', 'hangup', 'subflow', 'survey']);

export function nodesOf(flow: FlowDocument): FlowNode[] {
  return Array.isArray(flow.nodes) ? flow.nodes.filter((n): n is FlowNode => typeof n === 'object' && n !== null && typeof n.id === 'string') : [];
}

function edgesOf(flow: FlowDocument): FlowEdge[] {
  return Array.isArray(flow.edges)
    ? flow.edges.filter((e): e is FlowEdge => typeof e === 'object' && e !== null && typeof e.source === 'string' && typeof e.target === 'string')
    : [];
}

/**
 * `source → port → target` for every connected port. When one port has several edges (an invalid draft),
 * the alphabetically first target is kept so that the result does not depend on the order of edges.
 */
export function portTargets(flow: FlowDocument): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const edge of edgesOf(flow)) {
    const port = String(edge.port);
    let ports = result.get(edge.source);
    if (!ports) result.set(edge.source, (ports = new Map<string, string>()));
    const current = ports.get(port);
    if (current === undefined || edge.target < current) ports.set(port, edge.target);
  }
  return result;
}

/** The menu keys a menu node offers (its `config.options[].key`), with their labels. */
export function menuKeys(node: FlowNode | undefined): Map<string, string | undefined> {
  const keys = new Map<string, string | undefined>();
  if (node?.type !== 'menu') return keys;
  const options = (node.config as { options?: unknown } | undefined)?.options;
  if (!Array.isArray(options)) return keys;
  for (const option of options as { key?: unknown; label?: unknown }[]) {
    if (typeof option?.key === 'string') keys.set(option.key, typeof option.label === 'string' ? option.label : undefined);
  }
  return keys;
}

/** The keys of a menu node that replay the menu (`config.options[].repeat`). */
export function menuRepeatKeys(node: FlowNode | undefined): Set<string> {
  const options = node?.type === 'menu' ? (node.config as { options?: unknown } | undefined)?.options : undefined;
  if (!Array.isArray(options)) return new Set();
  return new Set((options as { key?: unknown; repeat?: unknown }[]).filter((o) => o?.repeat === true && typeof o.key === 'string').map((o) => o.key as string));
}

/**
 * Key paths interned as a trie: equal paths get equal ids, so the paths of two versions compare in O(1)
 * and a long chain of menus is not copied once per node. Id 0 is the empty path.
 */
export class KeyPathTrie {
  private readonly ids = new Map<string, number>();
  private readonly parents: number[] = [-1];
  private readonly steps: (KeyStep | null)[] = [null];

  /** The id of `path` followed by one more step. */
  extend(path: number, step: KeyStep): number {
    const key = `${path}\u0000${step.node}\u0000${step.port}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.steps.length;
      this.ids.set(key, id);
      this.parents.push(path);
      this.steps.push(step);
    }
    return id;
  }

  /** The steps of a path, first choice first. */
  path(id: number): KeyStep[] {
    const out: KeyStep[] = [];
    for (let at = id; at > 0; at = this.parents[at] ?? 0) out.push(this.steps[at]!);
    return out.reverse();
  }
}

/**
 * For every node reachable from the start node, the id (in `trie`) of the caller's choices on the shortest
 * way there. Breadth-first with ports visited in sorted order, so equal graphs give equal paths whatever their order.
 */
export function keyPaths(flow: FlowDocument, trie: KeyPathTrie): Map<string, number> {
  const nodes = new Map(nodesOf(flow).map((n) => [n.id, n]));
  const targets = portTargets(flow);
  const paths = new Map<string, number>();
  const queue: string[] = [];
  for (const node of nodes.values()) {
    if (node.type === 'start' && !paths.has(node.id)) {
      paths.set(node.id, 0);
      queue.push(node.id);
    }
  }
  // for…of visits the ids pushed while it runs (breadth first).
  for (const id of queue) {
    const path = paths.get(id)!;
    const isChoice = choiceTypes.has(nodes.get(id)?.type ?? '');
    const ports = [...(targets.get(id) ?? new Map<string, string>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [port, target] of ports) {
      if (paths.has(target) || !nodes.has(target)) continue;
      paths.set(target, isChoice ? trie.extend(path, { node: id, port }) : path);
      queue.push(target);
    }
  }
  return paths;
}
