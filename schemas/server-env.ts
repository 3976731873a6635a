// The one reader of process.env: validates the server's settings and fills in the embedded defaults.
// No 'server-only' import: the start-up launcher (plain Node via tsx) and the tests import this module.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { trustProxyFrom } from './trust-proxy';

const base64Key32 = z
  .string()
  .refine(
    (value) => Buffer.from(value, 'base64').length === 32,
    'must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`)',
  );

const rawEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  CALLFLOW_DATA_DIR: z.string().min(1).default('.data'),
  CALLFLOW_SECRET_KEY: base64Key32.optional(),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:_-]{1,255}$/, 'must be an address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  TRUST_PROXY: z
    .string()
    .refine((value) => {
      try {
        trustProxyFrom(value);
        return true;
      } catch {
        return false;
      }
    }, 'must be a comma-separated list of proxy addresses or ranges (e.g. 10.0.0.0/8, loopback)')
    .optional(),
  BASE_URL: z.url().optional(),
  CALLFLOW_ASR_ENGINE: z
    .string()
    .regex(/^[A-Za-z0-9_]+$/, 'must be a FreeSWITCH ASR module name such as unimrcp')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export interface ServerEnv {
  /** postgres:// URL of a real server; undefined means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Absolute directory for the embedded database and generated keys. */
  dataDir: string;
  /** 32-byte key that encrypts integration secrets at rest. */
  secretKey: Buffer;
  betterAuthSecret: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  port: number;
  /** Address the HTTP server listens on (HOST); 127.0.0.1 keeps the studio to this machine. */
  host: string;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); unset: the socket's peer is the client. */
  trustProxy: string | undefined;
  /** Public origin of the studio, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** Origins whose browser requests may change data (CSRF protection). */
  trustedOrigins: string[];
  nodeEnv: 'development' | 'production' | 'test';
  /** The runtimes' speech recogniser (CALLFLOW_ASR_ENGINE); unset: publishing refuses flows with speech nodes. */
  asrEngine: string | undefined;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Reads a key file from the data directory, creating it (mode 600) with fresh random bytes the first time. */
function keyFromDataDir(dataDir: string, fileName: string): string {
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  // The data directory holds keys and the embedded database: private to the user running the studio.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64');
  // 'wx' refuses to overwrite a key another process created a moment ago.
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  return key;
}

/** Validates an environment (process.env by default) and resolves the embedded defaults. */
export function loadEnv(
  source: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): ServerEnv {
  // Empty strings count as unset, as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = rawEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`The server settings are invalid:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(cwd, raw.CALLFLOW_DATA_DIR);

  let secretKey = raw.CALLFLOW_SECRET_KEY;
  let authSecret = raw.BETTER_AUTH_SECRET;
  if (raw.DATABASE_URL) {
    // A shared server must not depend on keys in one machine's data directory.
    const missing = [!secretKey && 'CALLFLOW_SECRET_KEY', !authSecret && 'BETTER_AUTH_SECRET'].filter(Boolean);
    if (missing.length > 0) throw new EnvError(`${missing.join(' and ')} must be set when DATABASE_URL is set.`);
  } else {
    secretKey ??= keyFromDataDir(dataDir, 'secret.key');
    authSecret ??= keyFromDataDir(dataDir, 'auth-secret.key');
  }
  if (!secretKey || !authSecret)
    throw new EnvError('CALLFLOW_SECRET_KEY and BETTER_AUTH_SECRET could not be resolved.');
  const keyBytes = Buffer.from(secretKey, 'base64');
  if (keyBytes.length !== 32)
    throw new EnvError(`The key in ${path.join(dataDir, 'secret.key')} is not 32 bytes of base64.`);

  const baseUrl = (raw.BASE_URL ?? `http://127.0.0.1:${raw.PORT}`).replace(/\/$/, '');
  const trustedOrigins = raw.BASE_URL
    ? [new URL(baseUrl).origin]
    : [`http://127.0.0.1:${raw.PORT}`, `http://localhost:${raw.PORT}`];

  return {
    databaseUrl: raw.DATABASE_URL,
    dataDir,
    secretKey: keyBytes,
    betterAuthSecret: authSecret,
    adminEmail: raw.ADMIN_EMAIL,
    adminPassword: raw.ADMIN_PASSWORD,
    port: raw.PORT,
    host: raw.HOST,
    trustProxy: raw.TRUST_PROXY,
    baseUrl,
    trustedOrigins,
    nodeEnv: raw.NODE_ENV,
    asrEngine: raw.CALLFLOW_ASR_ENGINE,
  };
}

/** Settings read by libraries rather than by us (Next's telemetry, NODE_ENV), written before they load. */
export function setLibraryEnv(values: { NEXT_TELEMETRY_DISABLED?: string; NODE_ENV?: 'production' }): void {
  Object.assign(process.env, values);
}

/** The environment for a child process (e.g. `next build`) with `extra` added; env.ts stays the only reader. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

let cached: ServerEnv | undefined;

/** The process's settings, validated once on first use (not at import, so `next build` needs no secrets). */
export function getEnv(): ServerEnv {
  cached ??= loadEnv();
  return cached;
}
