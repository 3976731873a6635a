// The one initTRPC file: the request context, tRPC initialisation, and the role-checking procedures.

import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import * as z from 'zod';
import { ZodError } from 'zod';
import { eq, sql } from 'drizzle-orm';
import { roles, users, type Role } from '../../schemas/db';
import type { Auth } from './auth/auth';
import type { Database } from '../../schemas/database';
import { asDatabaseUnavailable, type DatabaseUnavailableError } from './db/database-unavailable';
import { InvalidFlowError, MalformedJsonError, StaleRevisionError, UnchangedFlowError } from './errors';
import { defaultTemplatesDir } from './flows/templates';
import { ReportedInternalError, reportInternalError } from './internal-error';
import { isSameSiteRequest } from './same-site';
import { RealCallsOffError } from './simulator/real-call-policy';
import { findInputProblem } from './validation/input-limits';
import { inputRefusal } from './validation/input-refusal';
import { describeZodError } from './validation/zod-sentences';
import { zodIssueData } from './validation/zod-issue-data';
import { CodedError, userMessageOf } from './coded-error';

// What a user sees when PostgreSQL is down or restarting; nothing about hosts, ports or queries.
const databaseUnavailableMessages = {
  read: 'The database cannot be reached right now. Try again in a moment.',
  notSaved: 'The database cannot be reached right now; nothing was saved. Try again in a moment.',
  // The connection dropped after the change was sent: the server may have committed it just before.
  unconfirmed:
    'The connection to the database was lost before your change was confirmed. Reload to see whether it was saved, then try again in a moment.',
} as const;

function databaseUnavailable(type: 'query' | 'mutation' | 'subscription', cause: DatabaseUnavailableError): TRPCError {
  const message =
    type !== 'mutation'
      ? databaseUnavailableMessages.read
      : cause.neverSent
        ? databaseUnavailableMessages.notSaved
        : databaseUnavailableMessages.unconfirmed;
  const which = type !== 'mutation' ? 'read' : cause.neverSent ? 'notSaved' : 'unconfirmed';
  return new CodedError('SERVICE_UNAVAILABLE', `database.${which}`, {}, message, cause);
}

// ─── 1. Context ────────────────────────────────────────────────────────────────

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Context {
  db: Database;
  /** The signed-in user, or null. */
  user: SessionUser | null;
  headers: Headers;
  /** `http` for requests through the route handler (CSRF-checked); `direct` for server-side callers. */
  transport: 'http' | 'direct';
  trustedOrigins: readonly string[];
  /** 32-byte key that encrypts integration secrets at rest (ServerEnv.secretKey). */
  secretKey: Uint8Array;
  /** Folder of starter flows (templates/*.json). */
  templatesDir: string;
  /** CALLFLOW_ASR_ENGINE (ServerEnv.asrEngine): publishing refuses speech nodes without it. */
  asrEngine?: string;
}

export interface HttpContextOptions {
  db: Database;
  auth: Auth;
  headers: Headers;
  trustedOrigins: readonly string[];
  secretKey: Uint8Array;
  templatesDir?: string;
  asrEngine?: string;
}

/** Builds the context of one HTTP request: the session comes from the better-auth cookie. */
export async function createHttpContext(options: HttpContextOptions): Promise<Context> {
  try {
    return await readHttpContext(options);
  } catch (error) {
    // The session is read before any procedure runs, so an outage here never reaches the procedure middleware.
    // better-auth replaces a failed session read with its own error (no cause), so ask the database directly.
    const unavailable = asDatabaseUnavailable(error) ?? (await probeDatabase(options.db));
    if (unavailable) throw databaseUnavailable('query', unavailable);
    // Logged here, on the one error path, so that a page that reads the session never hands Next the raw error to print.
    throw reportInternalError(error, 'reading the session');
  }
}

/** Null when the database answers; the outage when it cannot be reached (bounded by the pool's connect timeout). */
async function probeDatabase(db: Database): Promise<DatabaseUnavailableError | null> {
  try {
    await db.execute(sql`select 1`);
    return null;
  } catch (error) {
    return asDatabaseUnavailable(error);
  }
}

async function readHttpContext(options: HttpContextOptions): Promise<Context> {
  const session = await options.auth.api.getSession({ headers: options.headers });
  let user: SessionUser | null = null;
  if (session) {
    // The role and disabled flag are read from the table, not the cached session, so a change applies at once.
    const [row] = await options.db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, session.user.id));
    if (row && !row.disabledAt) user = { id: row.id, email: row.email, name: row.name, role: row.role };
  }
  return {
    db: options.db,
    user,
    headers: options.headers,
    transport: 'http',
    trustedOrigins: options.trustedOrigins,
    secretKey: options.secretKey,
    templatesDir: options.templatesDir ?? defaultTemplatesDir,
    asrEngine: options.asrEngine,
  };
}

// ─── 2. Initialisation ────────────────────────────────────────────────────────

const t = initTRPC.context<Context>().create({
  // Never send stack traces, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error, path }) {
    const cause = error.cause;
    // Failures outside any procedure (reading the session) have not been through presentErrors yet.
    const internal =
      error.code === 'INTERNAL_SERVER_ERROR' ? reportInternalError(cause ?? error, path ?? 'the request') : null;
    return {
      ...shape,
      message: internal ? internal.message : cause instanceof ZodError ? describeZodError(cause) : shape.message,
      data: {
        ...shape.data,
        /** Field errors of an invalid input, keyed by field name. */
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        /** The same issues as codes and limits, which the studio words in the UI language. */
        zodIssues: cause instanceof ZodError ? zodIssueData(cause) : null,
        /** Every validation problem of a refused flow document. */
        flowIssues: cause instanceof InvalidFlowError ? cause.issues : null,
        /** Where a JSON text stopped parsing. */
        jsonPosition: cause instanceof MalformedJsonError ? { line: cause.line, column: cause.column } : null,
        /** Who saved the revision that made a save stale (the studio words it from its catalogue: editor.conflict). */
        conflict:
          cause instanceof StaleRevisionError
            ? { ...cause.current, baseRevision: cause.baseRevision, savedAt: cause.current.savedAt.toISOString() }
            : null,
        /** The version a refused publish is identical to. */
        unchangedSince: cause instanceof UnchangedFlowError ? cause.version : null,
        /** The integration whose real calls from the simulator an administrator turned off. */
        realCallsOff: cause instanceof RealCallsOffError ? { integration: cause.integration } : null,
        /** A refusal's message key and parameters (`serverErrors` messages), so the studio says it in the UI language. */
        userMessage: internal ? { code: 'internal', values: { errorId: internal.errorId } } : userMessageOf(error),
        /** The id under which an internal error was logged. */
        errorId: internal ? internal.errorId : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// ─── 3. Procedures ────────────────────────────────────────────────────────────

/**
 * What a caller sees of a failure: invalid input as one sentence per field, and an unexpected error (a failed query,
 * a bug) as a generic sentence with an error id, its details going to the server log only.
 */
const presentErrors = t.middleware(async ({ path, next }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: describeZodError(error.cause), cause: error.cause });
  }
  if (error.code === 'INTERNAL_SERVER_ERROR' && !(error.cause instanceof ReportedInternalError)) {
    const reported = reportInternalError(error.cause ?? error, path);
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: reported.message, cause: reported });
  }
  return result;
});

/** Refuses input nested too deep or holding text PostgreSQL cannot store, before any parsing or query. */
const inputLimits = t.middleware(async ({ getRawInput, next }) => {
  const problem = findInputProblem(await getRawInput());
  if (problem) throw inputRefusal(problem);
  return next();
});

/**
 * Turns a lost or refused database connection, which would otherwise surface as the driver's raw
 * INTERNAL_SERVER_ERROR, into SERVICE_UNAVAILABLE with a sentence a user understands. Other errors pass unchanged.
 */
const databaseAvailability = t.middleware(async ({ type, next }) => {
  const result = await next();
  if (result.ok || result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
  const unavailable = asDatabaseUnavailable(result.error.cause);
  if (!unavailable) return result;
  throw databaseUnavailable(type, unavailable);
});

/** Refuses mutations that a browser sent from another site (the session cookie would otherwise ride along). */
const sameSiteMutations = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.transport === 'http' && !isSameSiteRequest(ctx.headers, ctx.trustedOrigins)) {
    throw new CodedError(
      'FORBIDDEN',
      'crossSite',
      {},
      'This change was refused because the request came from another website.',
    );
  }
  return next();
});

const roleLabels: Record<Role, string> = {
  viewer: 'a viewer',
  tester: 'a tester',
  designer: 'a designer',
  admin: 'an administrator',
};

/** True when `role` includes everything `required` may do (admin > designer > tester > viewer). */
export function hasRole(role: Role, required: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(required);
}

function requireRole(required: Role) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new CodedError('UNAUTHORIZED', 'signInFirst', {}, 'Please sign in first.');
    if (!hasRole(ctx.user.role, required)) {
      const message = `This needs the ${required} role or higher; you are signed in as ${roleLabels[ctx.user.role]}.`;
      throw new CodedError('FORBIDDEN', 'roleRequired', { required, role: ctx.user.role }, message);
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

export const publicProcedure = t.procedure
  .use(presentErrors)
  .use(databaseAvailability)
  .use(sameSiteMutations)
  .use(inputLimits);
export const viewerProcedure = publicProcedure.use(requireRole('viewer'));
export const testerProcedure = publicProcedure.use(requireRole('tester'));
export const designerProcedure = publicProcedure.use(requireRole('designer'));
export const adminProcedure = publicProcedure.use(requireRole('admin'));
