// The settings of a node that decide where a caller goes: routing targets, schedules and integrations, field by field.

import type { FlowNode } from '../document';
import { getNodeDefinition } from '../nodes';
import { structuralDiff, type ValueChange } from './structural-diff';

/** One setting of one node that differs between the versions (or exists in only one). */
export interface SettingChange {
  node: string;
  /** The node type (in the newer version when it exists there). */
  type: string;
  /** The config field, e.g. `skillGroup`, `to`, `url`, `schedule`. */
  field: string;
  change: 'added' | 'removed' | 'changed';
  /** Resource references are shown by key: `{ "ref": "sales" }` becomes `"sales"`. */
  before?: unknown;
  after?: unknown;
  /** For an inline schedule changed in place: what changed inside it (`/weekly/sat`, `/holidays/0/date`). */
  details?: ValueChange[];
  /** Node ids to highlight. */
  nodes: string[];
}

export type SettingGroup = 'routing' | 'schedules' | 'integrations';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The config fields a node type's review compares in one section (its definition's `callerReview.settings`). */
const fieldsOf = (group: SettingGroup, type: string): readonly string[] =>
  getNodeDefinition(type)?.callerReview?.settings?.[group] ?? [];

const reviewsSettings = (type: string): boolean =>
  Object.keys(getNodeDefinition(type)?.callerReview?.settings ?? {}).length > 0;
const parsedConfigs = new WeakMap<FlowNode, Record<string, unknown>>();

/** The config with the type's defaults applied when it parses (so an explicit default is no change), else as written. */
export function effectiveConfig(node: FlowNode): Record<string, unknown> {
  let config = parsedConfigs.get(node);
  if (!config) parsedConfigs.set(node, (config = parseConfig(node)));
  return config;
}

function parseConfig(node: FlowNode): Record<string, unknown> {
  // Only the types reviewed here are parsed: zod parsing of every node would dominate a 1,000-node review.
  const definition = reviewsSettings(node.type) ? getNodeDefinition(node.type) : undefined;
  if (definition) {
    try {
      const parsed: unknown = definition.parseConfig(node);
      if (isRecord(parsed)) return parsed;
    } catch {
      // An invalid draft is still worth reviewing: compare what is written.
    }
  }
  return isRecord(node.config) ? node.config : {};
}

/** A resource reference shows as its key; anything else as written. */
function shown(value: unknown): unknown {
  return isRecord(value) && Object.keys(value).length === 1 && typeof value.ref === 'string' ? value.ref : value;
}

const same = (a: unknown, b: unknown) => structuralDiff(a, b).length === 0;

/**
 * The changed settings of one group for a node in either version (`before`/`after` undefined when the node
 * is absent from that version).
 */
export function settingChanges(
  group: SettingGroup,
  before: FlowNode | undefined,
  after: FlowNode | undefined,
): SettingChange[] {
  const changes: SettingChange[] = [];
  const typeBefore = before?.type;
  const typeAfter = after?.type;
  const configBefore = before ? effectiveConfig(before) : {};
  const configAfter = after ? effectiveConfig(after) : {};
  const fieldsBefore = typeBefore ? fieldsOf(group, typeBefore) : [];
  const fieldsAfter = typeAfter ? fieldsOf(group, typeAfter) : [];
  const id = (after ?? before)!.id;
  const type = (after ?? before)!.type;
  for (const field of new Set([...fieldsAfter, ...fieldsBefore])) {
    const a = fieldsBefore.includes(field) ? configBefore[field] : undefined;
    const b = fieldsAfter.includes(field) ? configAfter[field] : undefined;
    if (a === undefined && b === undefined) continue;
    if (a !== undefined && b !== undefined && same(a, b)) continue;
    const change: SettingChange = {
      node: id,
      type,
      field,
      change: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed',
      ...(a !== undefined && { before: shown(a) }),
      ...(b !== undefined && { after: shown(b) }),
      nodes: [id],
    };
    // Inline schedule edited in place: say which hours or holidays moved, not just "changed".
    if (change.change === 'changed' && isRecord(a) && isRecord(b) && !('ref' in a) && !('ref' in b))
      change.details = structuralDiff(a, b);
    changes.push(change);
  }
  return changes;
}
