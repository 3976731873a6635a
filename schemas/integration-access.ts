// What an HTTP node's integration allows at run time: its base URL (requests go only below it), internal hosts or
// not, and its decrypted secret header.

import { eq } from 'drizzle-orm';
import type { Database } from './database';
import { integrations } from './db';
import { decryptSecret, integrationSecretContext } from './secrets';

export interface IntegrationAccess {
  /** This environment's base URL of the integration: guardedFetch sends the request only below it. */
  baseUrl: string;
  allowInternal: boolean;
  /** Added to the request server-side; never logged, never in events. */
  secretHeaders: Record<string, string>;
}

/** The integration is gone, or its secret cannot be decrypted with this runtime's key. */
export class IntegrationUnavailableError extends Error {
  override name = 'IntegrationUnavailableError';
}

/**
 * Reads integrations from the runtime's own database (not from the flow), cached for a few seconds so a busy
 * node does not query per call while an edited secret or allowInternal still applies promptly.
 */
export class IntegrationAccessCache {
  private readonly cache = new Map<string, { at: number; value: Promise<IntegrationAccess> }>();

  constructor(
    private readonly db: Database,
    private readonly secretKey: Uint8Array | undefined,
    private readonly ttlMs = 5000,
  ) {}

  get(key: string): Promise<IntegrationAccess> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at <= this.ttlMs) return hit.value;
    const value = this.load(key);
    value.catch(() => this.cache.delete(key));
    this.cache.set(key, { at: Date.now(), value });
    return value;
  }

  private load(key: string): Promise<IntegrationAccess> {
    return loadIntegrationAccess(this.db, this.secretKey, key);
  }
}

/** Reads one integration's access from `db`, its secret decrypted with `secretKey` (the studio's proxy uses it uncached). */
export async function loadIntegrationAccess(
  db: Database,
  secretKey: Uint8Array | undefined,
  key: string,
): Promise<IntegrationAccess> {
  const [row] = await db
    .select({
      baseUrl: integrations.baseUrl,
      allowInternal: integrations.allowInternal,
      headerName: integrations.secretHeaderName,
      ciphertext: integrations.secretCiphertext,
    })
    .from(integrations)
    .where(eq(integrations.key, key));
  if (!row) throw new IntegrationUnavailableError(`the integration "${key}" does not exist in this environment`);
  if (!row.headerName || !row.ciphertext)
    return { baseUrl: row.baseUrl, allowInternal: row.allowInternal, secretHeaders: {} };
  if (!secretKey)
    throw new IntegrationUnavailableError(
      `the integration "${key}" has a secret but the runtime has no CALLFLOW_SECRET_KEY`,
    );
  try {
    const secret = decryptSecret(row.ciphertext, secretKey, { context: integrationSecretContext(key) });
    return { baseUrl: row.baseUrl, allowInternal: row.allowInternal, secretHeaders: { [row.headerName]: secret } };
  } catch {
    throw new IntegrationUnavailableError(
      `the secret of integration "${key}" cannot be decrypted with this runtime's CALLFLOW_SECRET_KEY`,
    );
  }
}
