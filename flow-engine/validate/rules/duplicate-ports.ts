// Rule duplicate-port: port names on a node are unique (menu keys, rule / intent / region names, intent DTMF keys).

import type { FlowContext, NodeEntry, SemanticRule } from '../flow-context';

/** Config lists whose items name a port, and the field that holds the name. */
const portLists: Record<string, { list: string; field: string }> = {
  menu: { list: 'options', field: 'key' },
  condition: { list: 'rules', field: 'name' },
  speech: { list: 'intents', field: 'name' },
  region: { list: 'regions', field: 'name' },
};

const itemsOf = (config: unknown, list: string): Record<string, unknown>[] => {
  const items = (config as Record<string, unknown>)[list];
  return Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
};

function checkList(ctx: FlowContext, entry: NodeEntry, list: string, field: string, what: string): void {
  const items = itemsOf(entry.parsed!.config, list);
  // Built-in ports (else, noInput, …) are the ones the list items do not account for.
  const extra = new Map<string, number>();
  for (const port of entry.parsed!.ports) extra.set(port.name, (extra.get(port.name) ?? 0) + 1);
  for (const item of items) if (typeof item[field] === 'string') extra.set(item[field], (extra.get(item[field]) ?? 0) - 1);
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
    if (field !== 'dtmf' && builtIn.has(shown)) {
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
    const spec = portLists[entry.node.type];
    if (!entry.parsed || !spec) continue;
    checkList(ctx, entry, spec.list, spec.field, spec.field === 'key' ? 'key' : 'name');
    if (entry.node.type === 'speech') checkList(ctx, entry, 'intents', 'dtmf', 'key');
  }
};
