// The call graph as a caller meets it: where each port leads, and the keys a caller presses to reach a node.

import type { FlowDocument, FlowEdge, FlowNode } from '../document';
import { getNodeDefinition } from '../nodes';

/** One choice the caller makes on the way: a key or intent (`port`) at a menu or speech node. */
export interface KeyStep {
  node: string;
  port: string;
}

/** The port taken at this node type is the caller's own choice (a key, a spoken intent). */
const isChoice = (type: string | undefined): boolean =>
  (type !== undefined && getNodeDefinition(type)?.callerReview?.choice) === true;

/** This node type's key path is worth reporting: a caller can be sent there or is asked again there. */
export const isDestination = (type: string | undefined): boolean =>
  (type !== undefined && getNodeDefinition(type)?.callerReview?.destination) === true;

export function nodesOf(flow: FlowDocument): FlowNode[] {
  return Array.isArray(flow.nodes)
    ? flow.nodes.filter((n): n is FlowNode => typeof n === 'object' && n !== null && typeof n.id === 'string')
    : [];
}

function edgesOf(flow: FlowDocument): FlowEdge[] {
  return Array.isArray(flow.edges)
    ? flow.edges.filter(
        (e): e is FlowEdge =>
          typeof e === 'object' && e !== null && typeof e.source === 'string' && typeof e.target === 'string',
      )
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

/** The keys a node offers the caller (a menu's `config.options[].key`), with their labels. */
export function menuKeys(node: FlowNode | undefined): Map<string, string | undefined> {
  return new Map(offeredKeys(node).map((k) => [k.key, k.label]));
}

/** The keys of a node that replay it (a menu's `config.options[].repeat`). */
export function menuRepeatKeys(node: FlowNode | undefined): Set<string> {
  return new Set(
    offeredKeys(node)
      .filter((k) => k.repeat)
      .map((k) => k.key),
  );
}

function offeredKeys(node: FlowNode | undefined): { key: string; label?: string; repeat: boolean }[] {
  const keys = node && typeof node.type === 'string' ? getNodeDefinition(node.type)?.callerReview?.keys : undefined;
  return keys ? keys(node!.config) : [];
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
    const choice = isChoice(nodes.get(id)?.type);
    const ports = [...(targets.get(id) ?? new Map<string, string>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [port, target] of ports) {
      if (paths.has(target) || !nodes.has(target)) continue;
      paths.set(target, choice ? trie.extend(path, { node: id, port }) : path);
      queue.push(target);
    }
  }
  return paths;
}
