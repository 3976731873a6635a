// How sentences name a node: by its label (or its type's title when it has none), with the id added only where two
// nodes would read the same, so "Main menu" and not `menu_vtbcvy`. Shared by the studio and the CLI.

export interface NamedNode {
  id: string;
  type: string;
  label?: string;
}

/**
 * A function giving each node id the name a reader sees; ids of nodes not in the list come back unchanged.
 * @example
 * const name = nodeNamer([{ id: 'm1', type: 'menu', label: 'Main menu' }], (type) => type);
 * name('m1'); // 'Main menu'
 */
export function nodeNamer(nodes: readonly NamedNode[], typeTitle: (type: string) => string): (id: string) => string {
  const shown = new Map<string, string>();
  const count = new Map<string, number>();
  for (const node of nodes) {
    if (shown.has(node.id)) continue;
    const name = (typeof node.label === 'string' ? node.label.trim() : '') || typeTitle(node.type);
    shown.set(node.id, name);
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  return (id) => {
    const name = shown.get(id);
    if (name === undefined) return id;
    return (count.get(name) ?? 0) > 1 ? `${name} (${id})` : name;
  };
}
