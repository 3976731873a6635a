// mergeDrafts(): a three-way merge of flow drafts — what the editor loaded (base), what the server has now (theirs)
// and what the editor holds (mine). Changes on different nodes combine; the same node changed both ways is a conflict.

import { canonicalJson } from '../canonical-json';
import type { FlowDocument, FlowEdge, FlowNode, Position, VariableDeclaration } from '../document';
import type { TestCase } from '../test-case';

export type MergeSide = 'mine' | 'theirs';

/**
 * One thing both sides changed differently. A node's unit is its content and its outgoing connections (a menu's
 * keys and where they lead), so "keep mine" for a node keeps my wiring of it too. A node that one side removed
 * while the other connected to it is a conflict on that node.
 */
export interface MergeConflict {
  kind: 'node' | 'variable' | 'setting' | 'test';
  /** Unique among the conflicts and the key of `choices`: `node:<id>`, `variable:<name>`, `setting:<field>`, `test:<name>`. */
  key: string;
  /** The node id, variable name, document field or test name. */
  id: string;
}

/** A change of theirs that the merge took without a conflict (so the editor can say what arrived). */
export interface MergedChange {
  kind: 'node' | 'variable' | 'setting' | 'test';
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** The node's label in their version (in the base for a removed node). */
  label?: string;
}

export interface DraftMerge {
  /** The merged document; every conflict is settled by `choices`, else by "mine" (typing is never dropped by default). */
  document: FlowDocument;
  conflicts: MergeConflict[];
  /** Their changes taken in, nodes first. */
  fromTheirs: MergedChange[];
}

interface NodeUnit {
  node: Omit<FlowNode, 'position'>;
  out: FlowEdge[];
}

const same = (a: unknown, b: unknown) =>
  a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);

/** Every key in first-seen order over the lists given (theirs first, then keys only mine has). */
function orderedKeys(...lists: string[][]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const key of list) seen.add(key);
  return [...seen];
}

function nodeUnits(doc: FlowDocument): Map<string, NodeUnit> {
  const out = new Map<string, FlowEdge[]>();
  for (const edge of doc.edges) {
    const list = out.get(edge.source) ?? [];
    list.push(edge);
    out.set(edge.source, list);
  }
  const units = new Map<string, NodeUnit>();
  for (const node of doc.nodes) {
    const { position: _position, ...content } = node;
    const edges = [...(out.get(node.id) ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    units.set(node.id, { node: content, out: edges });
  }
  return units;
}

type Outcome<T> = { value: T | undefined; from: 'agreed' | 'mine' | 'theirs' } | { conflict: true };

/** The three-way rule for one unit: agreed, or changed on one side only, or a conflict. */
function mergeOne<T>(base: T | undefined, theirs: T | undefined, mine: T | undefined): Outcome<T> {
  if (same(theirs, mine)) return { value: mine, from: 'agreed' };
  if (same(base, theirs)) return { value: mine, from: 'mine' };
  if (same(base, mine)) return { value: theirs, from: 'theirs' };
  return { conflict: true };
}

const changeOf = (base: unknown, theirs: unknown): MergedChange['change'] =>
  base === undefined ? 'added' : theirs === undefined ? 'removed' : 'changed';

/** Merges keyed collections (variables by name, tests by name) in place of whole-array replacement. */
function mergeKeyed<T>(
  kind: 'variable' | 'test',
  keyOf: (item: T) => string,
  lists: { base: T[]; theirs: T[]; mine: T[] },
  choices: Record<string, MergeSide>,
  report: { conflicts: MergeConflict[]; fromTheirs: MergedChange[] },
): T[] {
  const byKey = (items: T[]) => new Map(items.map((item) => [keyOf(item), item]));
  const base = byKey(lists.base);
  const theirs = byKey(lists.theirs);
  const mine = byKey(lists.mine);
  const result: T[] = [];
  for (const key of orderedKeys([...theirs.keys()], [...mine.keys()], [...base.keys()])) {
    const outcome = mergeOne(base.get(key), theirs.get(key), mine.get(key));
    let value: T | undefined;
    if ('conflict' in outcome) {
      const conflictKey = `${kind}:${key}`;
      report.conflicts.push({ kind, key: conflictKey, id: key });
      value = (choices[conflictKey] ?? 'mine') === 'mine' ? mine.get(key) : theirs.get(key);
    } else {
      value = outcome.value;
      if (outcome.from === 'theirs')
        report.fromTheirs.push({ kind, id: key, change: changeOf(base.get(key), theirs.get(key)) });
    }
    if (value !== undefined) result.push(value);
  }
  return result;
}

const settingFields = ['schemaVersion', 'id', 'name', 'description', 'kind', 'languages', 'defaultLanguage'] as const;

/**
 * Merge `mine` onto `theirs` given the `base` both started from. Pure; the documents are not changed.
 * @example
 * const merged = mergeDrafts(loaded, serverNow, editorNow);
 * if (merged.conflicts.length === 0) save(merged.document);           // changes on different nodes combine
 * mergeDrafts(loaded, serverNow, editorNow, { 'node:menu': 'theirs' }); // settle a conflict per node
 */
export function mergeDrafts(
  base: FlowDocument,
  theirs: FlowDocument,
  mine: FlowDocument,
  choices: Record<string, MergeSide> = {},
): DraftMerge {
  const report: { conflicts: MergeConflict[]; fromTheirs: MergedChange[] } = { conflicts: [], fromTheirs: [] };
  const fromTheirsNodes: MergedChange[] = [];

  const settings: Record<string, unknown> = {};
  for (const field of settingFields) {
    const outcome = mergeOne<unknown>(base[field], theirs[field], mine[field]);
    if ('conflict' in outcome) {
      const key = `setting:${field}`;
      report.conflicts.push({ kind: 'setting', key, id: field });
      settings[field] = (choices[key] ?? 'mine') === 'mine' ? mine[field] : theirs[field];
    } else {
      settings[field] = outcome.value;
      if (outcome.from === 'theirs')
        report.fromTheirs.push({ kind: 'setting', id: field, change: changeOf(base[field], theirs[field]) });
    }
  }

  // Nodes: content and outgoing connections as one unit; positions merge apart (a move never conflicts: mine wins).
  const units = { base: nodeUnits(base), theirs: nodeUnits(theirs), mine: nodeUnits(mine) };
  const positions = {
    base: new Map(base.nodes.map((n) => [n.id, n.position])),
    theirs: new Map(theirs.nodes.map((n) => [n.id, n.position])),
    mine: new Map(mine.nodes.map((n) => [n.id, n.position])),
  };
  const order = orderedKeys(
    theirs.nodes.map((n) => n.id),
    mine.nodes.map((n) => n.id),
  );
  const chosen = new Map<string, NodeUnit | undefined>();
  const nodeConflicts = new Set<string>();
  const pick = (id: string) =>
    (choices[`node:${id}`] ?? 'mine') === 'mine' ? units.mine.get(id) : units.theirs.get(id);
  for (const id of order) {
    const outcome = mergeOne(units.base.get(id), units.theirs.get(id), units.mine.get(id));
    if ('conflict' in outcome) {
      nodeConflicts.add(id);
      chosen.set(id, pick(id));
    } else {
      chosen.set(id, outcome.value);
      if (outcome.from === 'theirs') {
        const before = units.base.get(id);
        const after = units.theirs.get(id);
        fromTheirsNodes.push({
          kind: 'node',
          id,
          change: changeOf(before, after),
          label: (after ?? before)?.node.label,
        });
      }
    }
  }
  // A connection to a node that the other side removed: that node is a conflict (keep it, or take the removal).
  for (let changed = true; changed;) {
    changed = false;
    for (const unit of chosen.values()) {
      for (const edge of unit?.out ?? []) {
        if (chosen.get(edge.target) !== undefined || nodeConflicts.has(edge.target)) continue;
        if (!units.mine.has(edge.target) && !units.theirs.has(edge.target)) continue;
        nodeConflicts.add(edge.target);
        chosen.set(edge.target, pick(edge.target));
        const at = fromTheirsNodes.findIndex((c) => c.id === edge.target);
        if (at >= 0) fromTheirsNodes.splice(at, 1);
        changed = true;
      }
    }
  }
  for (const id of order) if (nodeConflicts.has(id)) report.conflicts.push({ kind: 'node', key: `node:${id}`, id });

  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const edgeIds = new Set<string>();
  for (const id of order) {
    const unit = chosen.get(id);
    if (!unit) continue;
    const moved = !same(positions.base.get(id), positions.mine.get(id));
    const position: Position | undefined =
      (moved ? positions.mine.get(id) : undefined) ?? positions.theirs.get(id) ?? positions.mine.get(id);
    nodes.push({ ...unit.node, position: position ?? { x: 0, y: 0 } });
  }
  const present = new Set(nodes.map((n) => n.id));
  // Edges follow their source's order in theirs, then mine: a stable document whichever side each came from.
  const edgeOrder = orderedKeys(
    theirs.edges.map((e) => e.id),
    mine.edges.map((e) => e.id),
  );
  const outgoing = new Map<string, FlowEdge>();
  for (const id of order)
    for (const edge of chosen.get(id)?.out ?? []) if (present.has(edge.target)) outgoing.set(edge.id, edge);
  for (const id of edgeOrder) {
    const edge = outgoing.get(id);
    if (edge && !edgeIds.has(id)) {
      edges.push(edge);
      edgeIds.add(id);
    }
  }

  const variables = mergeKeyed<VariableDeclaration>(
    'variable',
    (v) => v.name,
    { base: base.variables, theirs: theirs.variables, mine: mine.variables },
    choices,
    report,
  );
  const hasTests = base.tests !== undefined || theirs.tests !== undefined || mine.tests !== undefined;
  const tests = hasTests
    ? mergeKeyed<TestCase>(
        'test',
        (c) => c.name,
        { base: base.tests ?? [], theirs: theirs.tests ?? [], mine: mine.tests ?? [] },
        choices,
        report,
      )
    : undefined;

  const document = { ...settings, variables, nodes, edges, ...(tests === undefined ? {} : { tests }) } as FlowDocument;
  for (const field of settingFields) if (document[field] === undefined) delete document[field];
  const kindOrder = { node: 0, setting: 1, variable: 2, test: 3 } as const;
  report.conflicts.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
  return { document, conflicts: report.conflicts, fromTheirs: [...fromTheirsNodes, ...report.fromTheirs] };
}
