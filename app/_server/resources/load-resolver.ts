// Loads the shared resources a flow references into a ResourceResolver (the loader lives in schemas/, shared with the runtime).

import type { FlowDocument } from '../../../flow-engine/document';
import { referencedKeys } from '../../../flow-engine/resource-references';
import type { ResourceResolver } from '../../../flow-engine/resources';
import { loadResolver as loadFromDatabase } from '../../../schemas/load-resolver';
import type { Executor } from '../db/client';

export { referencedKeys };

/** Resolve every resource `flow` references from the database (integrations without secrets). */
export function loadResolver(db: Executor, flow: FlowDocument): Promise<ResourceResolver> {
  return loadFromDatabase(db, flow, referencedKeys);
}
