// diffFlows(): what changed between two versions of a flow, as structured changes the studio can list and draw.

import type { FlowDocument, FlowEdge, FlowNode, Position, VariableDeclaration } from '../document';
import type { TestCase } from '../test-case';
import { structuralDiff, type ValueChange } from './structural-diff';

/** A node present in both versions whose content or place on the canvas differs. */
export interface NodeChange {
  id: string;
  /** The node type in the newer version. */
  type: string;
  /** Content changes, paths relative to the node (e.g. `/config/options/1/key`, `/label`); never `/position`. */
  fields: ValueChange[];
  /** Set when the node moved on the canvas (a layout change, not a behaviour change). */
  position?: { before: Position; after: Position };
  /** True when only the position changed. */
  layoutOnly: boolean;
}

export interface EdgeChange {
  id: string;
  /** Paths relative to the edge, e.g. `/target`. */
  fields: ValueChange[];
}

/** A named item (variable, test case) present in both versions with different content. */
export interface NamedChange {
  name: string;
  fields: ValueChange[];
}

export interface CollectionDiff<T, C> {
  added: T[];
  removed: T[];
  changed: C[];
}

export interface FlowDiff {
  /** True when the two documents are the same apart from the order of nodes, edges, variables and tests. */
  identical: boolean;
  /** Top-level document fields: `/name`, `/languages/1`, `/defaultLanguage`, `/description`, `/kind`, … */
  document: ValueChange[];
  nodes: CollectionDiff<FlowNode, NodeChange>;
  edges: CollectionDiff<FlowEdge, EdgeChange>;
  variables: CollectionDiff<VariableDeclaration, NamedChange>;
  tests: CollectionDiff<TestCase, NamedChange>;
  summary: {
    nodesAdded: number;
    nodesRemoved: number;
    nodesChanged: number;
    /** Nodes whose only change is their position. */
    nodesMoved: number;
    edgesAdded: number;
    edgesRemoved: number;
    edgesChanged: number;
  };
}

const collectionKeys = new Set(['nodes', 'edges', 'variables', 'tests']);

/** Index items by key; a repeated key gets a ` (2)`, ` (3)` suffix so nothing is silently dropped. */
function indexBy<T>(items: readonly T[] | undefined, keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) {
    const base = keyOf(item);
    let key = base;
    for (let n = 2; map.has(key); n++) key = `${base} (${n})`;
    map.set(key, item);
  }
  return map;
}

function diffCollection<T, C>(
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
  keyOf: (item: T) => string,
  compare: (key: string, a: T, b: T) => C | undefined,
): CollectionDiff<T, C> {
  const a = indexBy(before, keyOf);
  const b = indexBy(after, keyOf);
  const result: CollectionDiff<T, C> = { added: [], removed: [], changed: [] };
  for (const [key, item] of a) {
    const other = b.get(key);
    if (other === undefined) result.removed.push(item);
    else {
      const change = compare(key, item, other);
      if (change) result.changed.push(change);
    }
  }
  for (const [key, item] of b) if (!a.has(key)) result.added.push(item);
  return result;
}

function compareNodes(id: string, a: FlowNode, b: FlowNode): NodeChange | undefined {
  const { position: posA, ...restA } = a;
  const { position: posB, ...restB } = b;
  const fields = structuralDiff(restA, restB);
  const moved = posA?.x !== posB?.x || posA?.y !== posB?.y;
  if (fields.length === 0 && !moved) return undefined;
  return {
    id,
    type: b.type,
    fields,
    layoutOnly: fields.length === 0,
    ...(moved ? { position: { before: posA, after: posB } } : {}),
  };
}

function compareNamed<T>(name: string, a: T, b: T): NamedChange | undefined {
  const fields = structuralDiff(a, b);
  return fields.length > 0 ? { name, fields } : undefined;
}

/**
 * Structured changes from version `a` to version `b`. Nodes and edges are matched by id,
 * variables and test cases by name; the order of items in the arrays is not a change.
 * A node's move on the canvas is reported in `position` (layout only), apart from its content changes.
 * @example
 * const diff = diffFlows(v1, v2);
 * diff.nodes.changed[0]; // { id: 'menu', type: 'menu', layoutOnly: false,
 *                         //   fields: [{ kind: 'changed', path: '/config/options/1/key', before: '2', after: '3' }] }
 */
export function diffFlows(a: FlowDocument, b: FlowDocument): FlowDiff {
  const topA: Record<string, unknown> = {};
  const topB: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(a)) if (!collectionKeys.has(key)) topA[key] = value;
  for (const [key, value] of Object.entries(b)) if (!collectionKeys.has(key)) topB[key] = value;

  const nodes = diffCollection(a.nodes, b.nodes, (n) => n.id, compareNodes);
  const edges = diffCollection(
    a.edges,
    b.edges,
    (e) => e.id,
    (id, x, y): EdgeChange | undefined => {
      const fields = structuralDiff(x, y);
      return fields.length > 0 ? { id, fields } : undefined;
    },
  );
  const variables = diffCollection(a.variables, b.variables, (v) => v.name, compareNamed);
  const tests = diffCollection(a.tests, b.tests, (t) => t.name, compareNamed);
  const document = structuralDiff(topA, topB);

  const nodesMoved = nodes.changed.filter((c) => c.layoutOnly).length;
  const summary = {
    nodesAdded: nodes.added.length,
    nodesRemoved: nodes.removed.length,
    nodesChanged: nodes.changed.length - nodesMoved,
    nodesMoved,
    edgesAdded: edges.added.length,
    edgesRemoved: edges.removed.length,
    edgesChanged: edges.changed.length,
  };
  const identical =
    document.length === 0 &&
    Object.values(summary).every((n) => n === 0) &&
    [variables, tests].every((c) => c.added.length + c.removed.length + c.changed.length === 0);
  return { identical, document, nodes, edges, variables, tests, summary };
}
