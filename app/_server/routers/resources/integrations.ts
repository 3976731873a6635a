// Integrations router (admin writes): HTTP services that `http` nodes call by key. Header values and the secret are
// write-only (the secret stored encrypted); designers see only what they need to pick one; internal base URLs need allowInternal.

import 'server-only';
import { CodedError } from '../../coded-error';
import { asc, eq } from 'drizzle-orm';
import * as z from 'zod';
import { integrations } from '../../../../schemas/db';
import { recordAudit } from '../../../../schemas/record-audit';
import { encryptSecret, integrationSecretContext } from '../../crypto/secrets';
import { baseUrlRefusal } from '../../../../flow-engine/node/base-url-guard';
import { adminProcedure, createTRPCRouter, viewerProcedure } from '../../trpc';
import { keyConflict, notFound, resourceId, resourceKey } from './resource-input';
import { assertNotServed } from '../../resources/resource-in-use';
import { oneRow } from '../../db/one-row';

/** Header names that carry credentials: they belong in the encrypted secret, not the plain headers. */
export const credentialHeaders: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
]);

const headerName = z
  .string()
  .regex(
    /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/,
    'A header name may contain only letters, digits and - (e.g. X-Tenant).',
  );

const baseUrl = z
  .url({ protocol: /^https?$/, error: 'The base URL must be an http:// or https:// address.' })
  .max(2000);

const headers = z
  .record(headerName, z.string().max(2000))
  .refine((h) => Object.keys(h).length <= 50, 'At most 50 headers.')
  .superRefine((h, ctx) => {
    for (const name of Object.keys(h)) {
      if (credentialHeaders.has(name.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `Put the ${name} header in the secret so that it is stored encrypted.`,
        });
      }
    }
  });

/** The secret header and its value; the value is never returned or logged. */
const secret = z.object({ headerName, value: z.string().min(1, 'The secret value is empty.').max(8000) });

const name = z.string().trim().max(200, 'The name may have at most 200 characters.');

type IntegrationRow = typeof integrations.$inferSelect;

/** What an administrator and the audit log see: header names without their values, `hasSecret` instead of the ciphertext. */
function adminView(row: IntegrationRow) {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    baseUrl: row.baseUrl,
    headerNames: Object.keys(row.headers).sort(),
    allowInternal: row.allowInternal,
    allowSimulatorCalls: row.allowSimulatorCalls,
    secretHeaderName: row.secretHeaderName,
    hasSecret: row.secretCiphertext !== null,
    updatedAt: row.updatedAt,
  };
}

/** What designers, testers and viewers need to pick an integration for an `http` node, and nothing about where it points. */
function pickerView(row: IntegrationRow) {
  return { id: row.id, key: row.key, name: row.name, hasSecret: row.secretCiphertext !== null };
}

const auditView = (row: IntegrationRow) => {
  const { id: _id, updatedAt: _updatedAt, ...rest } = adminView(row);
  return rest;
};

/**
 * Refuses a base URL on this machine, a private network or a metadata service unless the integration allows internal
 * addresses (a metadata service even then). A host name is resolved as the runtime resolves it at call time, so a name
 * that /etc/hosts or DNS points at an internal address is refused here too.
 */
async function assertReachableBaseUrl(baseUrl: string, allowInternal: boolean): Promise<void> {
  const refusal = await baseUrlRefusal(baseUrl, allowInternal);
  if (!refusal) return;
  if (refusal.metadata) {
    throw new CodedError(
      'BAD_REQUEST',
      'baseUrlMetadata',
      { address: refusal.reason },
      `baseUrl: The base URL points to ${refusal.reason}, a cloud metadata service that hands out this server's credentials; HTTP steps may never call it, even with internal addresses allowed.`,
    );
  }
  throw new CodedError(
    'BAD_REQUEST',
    'baseUrlInternal',
    { address: refusal.reason },
    `baseUrl: The base URL points to ${refusal.reason}, which HTTP steps may not call; if this service really runs on your own network, turn on "allow internal addresses" for this integration.`,
  );
}

export const integrationsRouter = createTRPCRouter({
  /** What picking an integration for an `http` node needs: key, name, whether a secret is set. */
  list: viewerProcedure.query(async ({ ctx }) =>
    (await ctx.db.select().from(integrations).orderBy(asc(integrations.key))).map(pickerView),
  ),

  /** For administrators: base URL, header names (never their values), secret header name, allowInternal, allowSimulatorCalls. */
  listDetails: adminProcedure.query(async ({ ctx }) =>
    (await ctx.db.select().from(integrations).orderBy(asc(integrations.key))).map(adminView),
  ),

  create: adminProcedure
    .input(
      z.object({
        key: resourceKey,
        name: name.default(''),
        baseUrl,
        headers: headers.default({}),
        allowInternal: z.boolean().default(false),
        allowSimulatorCalls: z.boolean().default(true),
        secret: secret.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { secret: given, ...fields } = input;
      await assertReachableBaseUrl(input.baseUrl, input.allowInternal);
      return ctx.db
        .transaction(async (tx) => {
          const row = oneRow(
            await tx
              .insert(integrations)
              .values({
                ...fields,
                secretHeaderName: given?.headerName ?? null,
                secretCiphertext: given
                  ? encryptSecret(given.value, ctx.secretKey, { context: integrationSecretContext(input.key) })
                  : null,
              })
              .returning(),
            'the integrations insert',
          );
          await recordAudit(tx, {
            actor: ctx.user,
            action: 'integration.create',
            entityType: 'integration',
            entityId: row.id,
            after: auditView(row),
          });
          return adminView(row);
        })
        .catch((error: unknown) => keyConflict(error, 'integration', input.key));
    }),

  /** `secret`: leave out to keep the stored one, `null` to remove it, or a new header and value to replace it. */
  update: adminProcedure
    .input(
      z.object({
        id: resourceId,
        name: name.optional(),
        baseUrl: baseUrl.optional(),
        headers: headers.optional(),
        allowInternal: z.boolean().optional(),
        allowSimulatorCalls: z.boolean().optional(),
        secret: secret.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // The base URL is checked (a DNS lookup) before the transaction, so no row lock is held while DNS answers.
      const [current] = await ctx.db
        .select({ baseUrl: integrations.baseUrl, allowInternal: integrations.allowInternal })
        .from(integrations)
        .where(eq(integrations.id, input.id));
      if (!current) throw notFound('integration');
      const checked = {
        baseUrl: input.baseUrl ?? current.baseUrl,
        allowInternal: input.allowInternal ?? current.allowInternal,
      };
      await assertReachableBaseUrl(checked.baseUrl, checked.allowInternal);
      return ctx.db.transaction(async (tx) => {
        const [before] = await tx.select().from(integrations).where(eq(integrations.id, input.id)).for('update');
        if (!before) throw notFound('integration');
        const { id, secret: given, ...fields } = input;
        if (
          (input.baseUrl ?? before.baseUrl) !== checked.baseUrl ||
          (input.allowInternal ?? before.allowInternal) !== checked.allowInternal
        ) {
          throw new CodedError(
            'CONFLICT',
            'integrationChanged',
            {},
            'The integration was changed by someone else meanwhile; reload it and try again.',
          );
        }
        const secretFields =
          given === undefined
            ? {}
            : given === null
              ? { secretHeaderName: null, secretCiphertext: null }
              : {
                  secretHeaderName: given.headerName,
                  secretCiphertext: encryptSecret(given.value, ctx.secretKey, {
                    context: integrationSecretContext(before.key),
                  }),
                };
        const after = oneRow(
          await tx
            .update(integrations)
            .set({ ...fields, ...secretFields, updatedAt: new Date() })
            .where(eq(integrations.id, id))
            .returning(),
          'the integrations update',
        );
        const secretChanged = given !== undefined;
        await recordAudit(tx, {
          actor: ctx.user,
          action: 'integration.update',
          entityType: 'integration',
          entityId: id,
          before: auditView(before),
          // Records that the secret was replaced without recording any part of it.
          after: {
            ...auditView(after),
            ...(secretChanged ? { secretReplaced: given !== null, secretRemoved: given === null } : {}),
          },
        });
        return adminView(after);
      });
    }),

  delete: adminProcedure.input(z.object({ id: resourceId })).mutation(({ ctx, input }) =>
    ctx.db.transaction(async (tx) => {
      const [target] = await tx
        .select({ key: integrations.key })
        .from(integrations)
        .where(eq(integrations.id, input.id));
      if (target) await assertNotServed(tx, 'integration', target.key);
      const [before] = await tx.delete(integrations).where(eq(integrations.id, input.id)).returning();
      if (!before) throw notFound('integration');
      await recordAudit(tx, {
        actor: ctx.user,
        action: 'integration.delete',
        entityType: 'integration',
        entityId: before.id,
        before: auditView(before),
      });
      return { id: before.id, deleted: true as const };
    }),
  ),
});
