// Derives a flow's stable key (the document id) from its name, unique among existing flows.

import 'server-only';
import { like, or, eq } from 'drizzle-orm';
import { flows } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';

/** The document-id rule of the flow schema: 1–64 letters, digits, _ or -. */
export const flowKeyPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** "Retail Hotline (CN)" → "retail-hotline-cn"; text without Latin letters or digits becomes "flow". */
export function slugifyFlowName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return slug || 'flow';
}

/** `base` if free, else the first free `base-2`, `base-3`, … (kept within 64 characters). */
export async function uniqueFlowKey(executor: Executor, base: string): Promise<string> {
  const stem = base.slice(0, 56);
  const taken = new Set(
    (
      await executor
        .select({ key: flows.key })
        .from(flows)
        .where(or(eq(flows.key, stem), like(flows.key, `${stem.replace(/[\\%_]/g, '\\$&')}-%`)))
    ).map((row) => row.key),
  );
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
