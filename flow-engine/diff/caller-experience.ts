// diffCallerExperience(): what changed for a caller between two versions of a flow — keys, prompts, routing, hours, integrations.

import type { FlowDocument, FlowNode } from '../document';
import {
  isDestination,
  KeyPathTrie,
  keyPaths,
  menuKeys,
  menuRepeatKeys,
  nodesOf,
  portTargets,
  type KeyStep,
} from './caller-graph';
import { promptsOfConfig, type PromptRendering } from './caller-prompts';
import { settingChanges, type SettingChange, type SettingGroup } from './caller-settings';

export type { KeyStep } from './caller-graph';
export type { PromptRendering } from './caller-prompts';
export type { SettingChange } from './caller-settings';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface NodeSummary {
  id: string;
  type: string;
  label?: string;
}

/** Where one port of a node leads. A menu key that is offered but connected nowhere has `target: null`. */
export interface PortEnd {
  target: string | null;
}

/** A port (menu key, intent, outcome) that appeared, disappeared or leads elsewhere. */
export interface PortChange {
  node: string;
  port: string;
  /** The menu option's label, when it has one. */
  label?: string;
  change: ChangeKind;
  /** Absent when the port does not exist in that version. */
  before?: PortEnd;
  after?: PortEnd;
  nodes: string[];
}

/** A node where a caller can end up (menu, queue, transfer, hangup, …) reached by different keys, or newly (un)reachable. */
export interface KeyPathChange {
  node: string;
  type: string;
  change: ChangeKind;
  /** The caller's choices on the shortest way from the start; absent when the node cannot be reached in that version. */
  before?: KeyStep[];
  after?: KeyStep[];
  nodes: string[];
}

/** One prompt in one language that a caller hears differently. */
export interface PromptChange {
  node: string;
  /** JSON pointer of the prompt within the node, e.g. `/config/prompt`, `/config/noInputPrompt`. */
  path: string;
  language: string;
  change: ChangeKind;
  before?: PromptRendering;
  after?: PromptRendering;
  nodes: string[];
}

export interface LanguageSettings {
  languages: string[];
  defaultLanguage: string;
}

/** The review of two versions from the caller's side; plain JSON. */
export interface CallerExperienceReview {
  /** True when nothing a caller could notice changed (moving nodes, renaming labels, editing tests do not count). */
  identical: boolean;
  nodes: { added: NodeSummary[]; removed: NodeSummary[] };
  /** Present when the flow's languages or default language changed. */
  languages?: { before: LanguageSettings; after: LanguageSettings };
  ports: PortChange[];
  keyPaths: KeyPathChange[];
  prompts: PromptChange[];
  /** Queues and skill groups, transfer targets, callback numbers, voicemail boxes, subflows. */
  routing: SettingChange[];
  /** Schedule references and inline hours, holidays and special days. */
  schedules: SettingChange[];
  /** HTTP steps: integration key, method, URL template. */
  integrations: SettingChange[];
  /** Node ids to highlight on each version's canvas (every id named by an entry above that exists in that version). */
  highlight: { before: string[]; after: string[] };
}

function summary(node: FlowNode): NodeSummary {
  return {
    id: node.id,
    type: node.type,
    ...(typeof node.label === 'string' && node.label !== '' && { label: node.label }),
  };
}

function kindOf(before: unknown, after: unknown): ChangeKind {
  return before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
}

/** Every port of a node in one version: connected ports, plus a menu's offered keys (connected or not). */
function portEnds(node: FlowNode | undefined, targets: Map<string, Map<string, string>>): Map<string, PortEnd> {
  const ends = new Map<string, PortEnd>();
  if (!node) return ends;
  for (const key of menuKeys(node).keys()) ends.set(key, { target: null });
  // A repeat key leads back to the menu itself.
  for (const key of menuRepeatKeys(node)) ends.set(key, { target: node.id });
  for (const [port, target] of targets.get(node.id) ?? []) ends.set(port, { target });
  return ends;
}

function portChanges(
  id: string,
  a: FlowNode | undefined,
  b: FlowNode | undefined,
  ta: Map<string, Map<string, string>>,
  tb: Map<string, Map<string, string>>,
): PortChange[] {
  const before = portEnds(a, ta);
  const after = portEnds(b, tb);
  const labels = new Map([...menuKeys(a), ...menuKeys(b)]);
  const changes: PortChange[] = [];
  for (const port of new Set([...after.keys(), ...before.keys()])) {
    const x = before.get(port);
    const y = after.get(port);
    if (x && y && x.target === y.target) continue;
    const nodes = [id, x?.target, y?.target].filter(
      (n, i, all): n is string => typeof n === 'string' && all.indexOf(n) === i,
    );
    const label = labels.get(port);
    changes.push({
      node: id,
      port,
      ...(label !== undefined && { label }),
      change: kindOf(x, y),
      ...(x && { before: x }),
      ...(y && { after: y }),
      nodes,
    });
  }
  return changes;
}

function promptChanges(id: string, a: FlowNode | undefined, b: FlowNode | undefined): PromptChange[] {
  const before = a ? promptsOfConfig(a.config) : new Map<string, Map<string, PromptRendering>>();
  const after = b ? promptsOfConfig(b.config) : new Map<string, Map<string, PromptRendering>>();
  const changes: PromptChange[] = [];
  const paths = [...new Set([...after.keys(), ...before.keys()])].sort();
  for (const path of paths) {
    const x = before.get(path) ?? new Map<string, PromptRendering>();
    const y = after.get(path) ?? new Map<string, PromptRendering>();
    for (const language of new Set([...y.keys(), ...x.keys()])) {
      const p = x.get(language);
      const q = y.get(language);
      if (p && q && p.kind === q.kind && p.text === q.text) continue;
      changes.push({
        node: id,
        path,
        language,
        change: kindOf(p, q),
        ...(p && { before: p }),
        ...(q && { after: q }),
        nodes: [id],
      });
    }
  }
  return changes;
}

function keyPathChanges(
  order: string[],
  a: Map<string, FlowNode>,
  b: Map<string, FlowNode>,
  before: FlowDocument,
  after: FlowDocument,
): KeyPathChange[] {
  const trie = new KeyPathTrie();
  const pa = keyPaths(before, trie);
  const pb = keyPaths(after, trie);
  const changes: KeyPathChange[] = [];
  for (const id of order) {
    if (!isDestination(a.get(id)?.type) && !isDestination(b.get(id)?.type)) continue;
    const x = pa.get(id);
    const y = pb.get(id);
    if (x === y) continue; // both unreachable, or the same path
    const stepsBefore = x === undefined ? undefined : trie.path(x);
    const stepsAfter = y === undefined ? undefined : trie.path(y);
    const nodes = [
      ...new Set([id, ...(stepsBefore ?? []).map((s) => s.node), ...(stepsAfter ?? []).map((s) => s.node)]),
    ];
    const node = b.get(id) ?? a.get(id)!;
    changes.push({
      node: id,
      type: node.type,
      change: kindOf(x, y),
      ...(stepsBefore && { before: stepsBefore }),
      ...(stepsAfter && { after: stepsAfter }),
      nodes,
    });
  }
  return changes;
}

function languageSettings(flow: FlowDocument): LanguageSettings {
  return {
    languages: Array.isArray(flow.languages) ? [...flow.languages] : [],
    defaultLanguage: String(flow.defaultLanguage ?? ''),
  };
}

/**
 * Review what a caller would notice between two versions of a flow: menu keys and other ports that lead
 * elsewhere, destinations reached by other keys (or no longer reachable), prompts per language, routing
 * targets, schedules and HTTP integrations. Nodes are matched by id; every entry names the node ids
 * involved, and `highlight` lists them per version for the canvas. Layout, labels and tests are ignored.
 * Works on drafts that do not validate (it reads what is written). Pure; returns plain JSON.
 * @example
 * const review = diffCallerExperience(v1, v2);
 * review.ports[0];   // { node: 'menu', port: '2', change: 'changed', before: { target: 'sales' },
 *                    //   after: { target: 'support' }, nodes: ['menu', 'sales', 'support'] }
 * review.prompts[0]; // { node: 'welcome', path: '/config/prompt', language: 'en-US', change: 'changed',
 *                    //   before: { kind: 'tts', text: 'Hello' }, after: { kind: 'tts', text: 'Hi' }, nodes: ['welcome'] }
 * formatCallerExperience(review); // the same review as text, as `callflow diff` prints it
 */
export function diffCallerExperience(before: FlowDocument, after: FlowDocument): CallerExperienceReview {
  const a = new Map(nodesOf(before).map((n) => [n.id, n]));
  const b = new Map(nodesOf(after).map((n) => [n.id, n]));
  // Newer version's order first, then what was removed: reads like the flow being reviewed.
  const order = [...b.keys(), ...[...a.keys()].filter((id) => !b.has(id))];
  const ta = portTargets(before);
  const tb = portTargets(after);

  const review: CallerExperienceReview = {
    identical: false,
    nodes: {
      added: [...b.values()].filter((n) => !a.has(n.id)).map(summary),
      removed: [...a.values()].filter((n) => !b.has(n.id)).map(summary),
    },
    ports: [],
    keyPaths: keyPathChanges(order, a, b, before, after),
    prompts: [],
    routing: [],
    schedules: [],
    integrations: [],
    highlight: { before: [], after: [] },
  };
  const groups: SettingGroup[] = ['routing', 'schedules', 'integrations'];
  for (const id of order) {
    review.ports.push(...portChanges(id, a.get(id), b.get(id), ta, tb));
    review.prompts.push(...promptChanges(id, a.get(id), b.get(id)));
    for (const group of groups) review[group].push(...settingChanges(group, a.get(id), b.get(id)));
  }
  const la = languageSettings(before);
  const lb = languageSettings(after);
  if (la.defaultLanguage !== lb.defaultLanguage || la.languages.join('\n') !== lb.languages.join('\n'))
    review.languages = { before: la, after: lb };

  const named = new Set<string>([...review.nodes.added, ...review.nodes.removed].map((n) => n.id));
  for (const entry of [
    ...review.ports,
    ...review.keyPaths,
    ...review.prompts,
    ...review.routing,
    ...review.schedules,
    ...review.integrations,
  ]) {
    for (const id of entry.nodes) named.add(id);
  }
  review.highlight = {
    before: order.filter((id) => named.has(id) && a.has(id)),
    after: order.filter((id) => named.has(id) && b.has(id)),
  };
  review.identical = named.size === 0 && review.languages === undefined;
  return review;
}
