// The JSON a form's values stand for: no undefined fields (an emptied optional input means "not set").

/**
 * Drops `undefined` object fields at any depth; array items stay where they are so positions keep their meaning.
 * Field components turn an emptied optional input into `undefined`; an intended `''` (e.g. no terminator) stays.
 * @example plainConfig({ a: '', b: undefined, c: [1, { d: undefined }] }) // { a: '', c: [1, {}] }
 */
export function plainConfig(value: Record<string, unknown>): Record<string, unknown> {
  return prune(value) as Record<string, unknown>;
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : prune(item)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    out[key] = prune(field);
  }
  return out;
}
