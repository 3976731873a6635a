// What an integration lets the simulator's "call the real integration" do: whether an administrator allows real
// calls from the studio at all (sandboxes yes, production no), and the configured header values that, like the
// secret, a tester must never read back.

import 'server-only';
import { eq } from 'drizzle-orm';
import { integrations } from '../../../schemas/db';
import type { Executor } from '../../../schemas/database';

export interface RealCallPolicy {
  allowed: boolean;
  /** The integration's configured (non-secret but write-only) header values. */
  headerValues: string[];
}

/** An administrator turned off real calls from the simulator for this integration. */
export class RealCallsOffError extends Error {
  override name = 'RealCallsOffError';

  constructor(
    readonly integration: string,
    message: string,
  ) {
    super(message);
  }
}

/** The policy of integration `key`, or undefined when this environment has no such integration. */
export async function loadRealCallPolicy(db: Executor, key: string): Promise<RealCallPolicy | undefined> {
  const [row] = await db
    .select({ allowed: integrations.allowSimulatorCalls, headers: integrations.headers })
    .from(integrations)
    .where(eq(integrations.key, key));
  return row && { allowed: row.allowed, headerValues: Object.values(row.headers) };
}
