// The newest published version of a flow: what lines that follow "latest" answer.

import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { flowVersions } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';

/** The newest version of a flow (what lines that follow "latest" answer), or undefined before the first publish. */
export async function latestVersion(db: Executor, id: string) {
  const [version] = await db
    .select({ number: flowVersions.number, document: flowVersions.document, publishedAt: flowVersions.publishedAt })
    .from(flowVersions)
    .where(eq(flowVersions.flowId, id))
    .orderBy(desc(flowVersions.number))
    .limit(1);
  return version;
}
