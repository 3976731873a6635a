// How problems and other sentences name a node: by its label (or its type's title when it has none), with the id
// added only where two nodes would read the same, so "Main menu" and not `menu_vtbcvy`.

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
    const name = node.label?.trim() || typeTitle(node.type);
    shown.set(node.id, name);
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  return (id) => {
    const name = shown.get(id);
    if (name === undefined) return id;
    return (count.get(name) ?? 0) > 1 ? `${name} (${id})` : name;
  };
}

/** The nodes of a flow file's text, for naming them before it is imported (none when it does not parse). */
export function nodesInJson(json: string): NamedNode[] {
  try {
    const nodes: unknown = (JSON.parse(json) as { nodes?: unknown } | null)?.nodes;
    if (!Array.isArray(nodes)) return [];
    return nodes.filter(
      (n): n is NamedNode =>
        typeof n === 'object' && n !== null && typeof (n as NamedNode).id === 'string' && typeof (n as NamedNode).type === 'string' && ((n as NamedNode).label === undefined || typeof (n as NamedNode).label === 'string'),
    );
  } catch {
    return [];
  }
}
