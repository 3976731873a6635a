// Fresh stable ids for nodes and edges: readable prefix plus random suffix, never reused within a document.

/** Ids match the schema's safe-id pattern (letters, digits, _ and -, at most 64). */
export function newElementId(prefix: string, taken: ReadonlySet<string>): string {
  const base = prefix.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'node';
  for (;;) {
    const id = `${base}_${Math.random().toString(36).slice(2, 8)}`;
    if (!taken.has(id)) return id;
  }
}
