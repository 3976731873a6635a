// The resource keys (schedules, skill groups, integrations, subflows) a flow document's nodes reference.

import type { ResourceKind } from './define-node';
import type { FlowDocument } from './document';
import { getNodeDefinition } from './nodes';

export type RefKeys = Record<ResourceKind, Set<string>>;

/** The resource keys a document's nodes reference; nodes whose config does not parse are left to validation. */
export function referencedKeys(flow: FlowDocument): RefKeys {
  const keys: RefKeys = { schedule: new Set(), skillGroup: new Set(), integration: new Set(), subflow: new Set() };
  for (const node of Array.isArray(flow.nodes) ? flow.nodes : []) {
    const definition = node && typeof node.type === 'string' ? getNodeDefinition(node.type) : undefined;
    if (!definition) continue;
    const parsed = definition.config.safeParse(node.config ?? {});
    if (!parsed.success) continue;
    for (const ref of definition.references(parsed.data).resources) keys[ref.kind].add(ref.key);
  }
  return keys;
}

/** The subflow a node calls (its `subflow` resource reference), or undefined when it calls none or does not parse. */
export function subflowKeyOf(node: unknown): string | undefined {
  const n = node as { type?: unknown; config?: unknown } | null;
  const definition = n && typeof n.type === 'string' ? getNodeDefinition(n.type) : undefined;
  if (!definition) return undefined;
  const parsed = definition.config.safeParse(n!.config ?? {});
  return parsed.success
    ? definition.references(parsed.data).resources.find((r) => r.kind === 'subflow')?.key
    : undefined;
}
