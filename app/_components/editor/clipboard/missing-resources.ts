// Which shared resources a paste refers to that this studio does not have (schedules, skill groups, integrations).

import { trpc } from '../../../_lib/trpc-client';
import type { ClipboardPayload } from './clipboard-payload';

/** Keys the environment lacks; kinds the user may not list (integrations are admin-only) are not reported. */
export async function missingResources(
  resources: ClipboardPayload['resources'],
): Promise<ClipboardPayload['resources']> {
  if (resources.length === 0) return [];
  const kinds = new Set(resources.map((r) => r.kind));
  const keysOf = async (load: () => Promise<{ key: string }[]>) => {
    try {
      return new Set((await load()).map((r) => r.key));
    } catch {
      return undefined;
    }
  };
  const known = {
    schedule: kinds.has('schedule') ? await keysOf(() => trpc.resources.schedules.list.query()) : undefined,
    skillGroup: kinds.has('skillGroup') ? await keysOf(() => trpc.resources.skillGroups.list.query()) : undefined,
    integration: kinds.has('integration') ? await keysOf(() => trpc.resources.integrations.list.query()) : undefined,
  };
  return resources.filter((r) => {
    if (r.kind === 'subflow') return false;
    const keys = known[r.kind];
    return keys !== undefined && !keys.has(r.key);
  });
}
