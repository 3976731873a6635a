// Rule duplicate-port: port names on a node are unique (menu keys, rule / intent / region names, intent DTMF keys), as
// each node type's definition lists them (`uniqueItems`).

import type { UniqueItems } from '../../define-node';
import { getNodeDefinition } from '../../nodes/index';
import type { FlowContext, NodeEntry, SemanticRule } from '../flow-context';

const itemsOf = (config: unknown, list: string): Record<string, unknown>[] => {
  const items = (config as Record<string, unknown>)[list];
  return Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
};

function checkList(ctx: FlowContext, entry: NodeEntry, { list, field, what, namesPort }: UniqueItems): void {
  const items = itemsOf(entry.parsed!.config, list);
  // Built-in ports (else, noInput, …) are the ones the list items do not account for.
  const extra = new Map<string, number>();
  for (const port of entry.parsed!.ports) extra.set(port.name, (extra.get(port.name) ?? 0) + 1);
  for (const item of items)
    if (typeof item[field] === 'string') extra.set(item[field], (extra.get(item[field]) ?? 0) - 1);
  const builtIn = new Set([...extra].filter(([, count]) => count > 0).map(([name]) => name));
  const firstAt = new Map<unknown, number>();
  items.forEach((item, i) => {
    const value = item[field];
    if (value === undefined) return;
    // Port names and keys are texts (a number from a hand-written file reads the same); anything else prints as JSON.
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    const path = `${entry.path}/config/${list}/${i}/${field}`;
    const first = firstAt.get(value);
    if (first !== undefined) {
      ctx.report.error({
        rule: 'duplicate-port',
        path,
        nodeId: entry.id,
        code: 'duplicate-port',
        params: { node: entry.id, what, value: shown, item: list, first: first + 1, second: i + 1 },
      });
      return;
    }
    firstAt.set(value, i);
    if (namesPort && builtIn.has(shown)) {
      ctx.report.error({
        rule: 'duplicate-port',
        path,
        nodeId: entry.id,
        code: 'duplicate-port-builtin',
        params: { node: entry.id, item: list, index: i + 1, value: shown },
      });
    }
  });
}

export const checkDuplicatePorts: SemanticRule = (ctx) => {
  for (const entry of ctx.nodes) {
    if (!entry.parsed) continue;
    for (const items of getNodeDefinition(entry.node.type)?.uniqueItems ?? []) checkList(ctx, entry, items);
  }
};
