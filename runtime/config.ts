// The runtime's settings from environment variables, validated at start with one clear message per bad value.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { defaultMaxSteps } from '../flow-engine/compile/call-context';
import { parseSecretKey } from '../schemas/secrets';
import type { TtsVoice } from './driver/freeswitch-driver';

/** `host:port` (IPv4, a name, or `[v6]`). */
const address = (name: string) =>
  z.string().transform((text, ctx) => {
    const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text.trim());
    const port = match ? Number(match[2]) : NaN;
    if (!match || port > 65535) {
      ctx.addIssue({ code: 'custom', message: `${name} must be host:port, e.g. 127.0.0.1:8084 (got "${text}")` });
      return z.NEVER;
    }
    return { host: (match[1] ?? '').replace(/^\[|\]$/g, ''), port };
  });

const seconds = (max: number) =>
  z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number of seconds').min(1).max(max);

/** `en-US=flite:kal,zh-CN=tts_commandline:zh,*=flite:slt` → voice per language. */
const voices = z.string().transform((text, ctx) => {
  const out: Record<string, TtsVoice> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z*][A-Za-z0-9-]*)=([A-Za-z0-9_]+):([A-Za-z0-9_.-]+)$/.exec(part);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not LANGUAGE=ENGINE:VOICE, e.g. en-US=flite:kal` });
      return z.NEVER;
    }
    const [, language = '', engine = '', voice = ''] = match;
    out[language] = { engine, voice };
  }
  return out;
});

const rawSchema = z.object({
  CALLFLOW_RUNTIME_LISTEN: address('CALLFLOW_RUNTIME_LISTEN').default({ host: '127.0.0.1', port: 8084 }),
  CALLFLOW_RUNTIME_HTTP: address('CALLFLOW_RUNTIME_HTTP').default({ host: '127.0.0.1', port: 8086 }),
  CALLFLOW_ESL_INBOUND: address('CALLFLOW_ESL_INBOUND').default({ host: '127.0.0.1', port: 8021 }),
  CALLFLOW_ESL_PASSWORD: z
    .string()
    .refine((value) => value !== 'ClueCon', "must not be FreeSWITCH's default password ClueCon")
    .optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  CALLFLOW_DATA_DIR: z.string().min(1).default('.data'),
  CALLFLOW_SECRET_KEY: z
    .string()
    .refine(
      (value) => Buffer.from(value, 'base64').length === 32 || /^[0-9a-fA-F]{64}$/.test(value),
      "must be 32 bytes as base64 or 64 hex digits (the studio's key)",
    )
    .optional(),
  // Chinese through espeak-ng's Mandarin voice (mod_tts_commandline, runtime/freeswitch/): flite has no Chinese voice.
  CALLFLOW_TTS_VOICES: voices.default({
    'zh-CN': { engine: 'tts_commandline', voice: 'cmn-latn-pinyin' },
    '*': { engine: 'flite', voice: 'kal' },
  }),
  CALLFLOW_ASR_ENGINE: z
    .string()
    .regex(/^[A-Za-z0-9_]+$/, 'must be a FreeSWITCH ASR module name such as unimrcp')
    .optional(),
  CALLFLOW_FALLBACK_EXTENSION: z
    .string()
    .regex(/^[A-Za-z0-9_+*#-]+$/, 'must be a dialplan extension such as 1000')
    .default('fallback'),
  CALLFLOW_FALLBACK_CONTEXT: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a dialplan context name')
    .default('callflow'),
  CALLFLOW_UNKNOWN_NUMBER_PROMPT: z.string().min(1).default('The number you have dialled is not in service.'),
  CALLFLOW_SOUNDS_DIR: z.string().min(1).default('/usr/share/freeswitch/sounds/callflow'),
  CALLFLOW_HOLD_MUSIC: z
    .string()
    .regex(/^\S+$/, 'must be one FreeSWITCH file or stream, e.g. local_stream://moh')
    .optional(),
  CALLFLOW_RECORDINGS_DIR: z.string().min(1).default('/var/lib/freeswitch/recordings/callflow'),
  CALLFLOW_TRANSFER_DIAL_STRING: z
    .string()
    .includes('{number}', { error: 'must contain {number}, e.g. sofia/gateway/pstn/{number}' })
    .default('sofia/gateway/pstn/{number}'),
  CALLFLOW_TRANSFER_SIP_DIAL_STRING: z
    .string()
    .includes('{uri}', { error: 'must contain {uri}, e.g. sofia/external/{uri}' })
    .default('sofia/external/{uri}'),
  CALLFLOW_MAX_CALL_SECONDS: seconds(24 * 3600).default(4 * 3600),
  CALLFLOW_DRAIN_SECONDS: seconds(3600).default(30),
  CALLFLOW_HTTP_TIMEOUT_SECONDS: seconds(120).default(10),
  CALLFLOW_HTTP_MAX_BYTES: z.coerce
    .number({ error: 'must be a number of bytes' })
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  CALLFLOW_RECORD_CALLS: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  // The engine's one step limit by default, so a line ends a looping call where the simulator does.
  CALLFLOW_MAX_STEPS: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(10)
    .max(1_000_000)
    .default(defaultMaxSteps),
});

export interface RuntimeConfig {
  listen: { host: string; port: number };
  http: { host: string; port: number };
  eslInbound: { host: string; port: number; password: string | undefined };
  databaseUrl: string | undefined;
  dataDir: string;
  /** Decrypts integration secrets: CALLFLOW_SECRET_KEY, else the studio's `<data dir>/secret.key` when it exists. */
  secretKey: Uint8Array | undefined;
  /** Where events wait while PostgreSQL is unreachable. */
  spoolDir: string;
  voices: Record<string, TtsVoice>;
  asrEngine: string | undefined;
  fallback: { extension: string; context: string };
  unknownNumberPrompt: string;
  soundsDir: string;
  /** What queue callers hear while they wait (unset: a tone_stream chime that needs no configuration). */
  holdMusic: string | undefined;
  recordingsDir: string;
  /** Record whole calls (sensitive input masked in the recording). */
  recordCalls: boolean;
  /** Dial string of a transfer to a number, `{number}` replaced. */
  transferDialString: string;
  /** Dial string of a transfer to a SIP URI, `{uri}` replaced (e.g. `sofia/external/{uri}`). */
  transferSipDialString: string;
  maxCallSeconds: number;
  drainSeconds: number;
  httpTimeoutSeconds: number;
  httpMaxBytes: number;
  maxSteps: number;
}

export class RuntimeConfigError extends Error {
  override name = 'RuntimeConfigError';
}

/**
 * Validate the runtime's environment (process.env by default).
 * @example
 * loadRuntimeConfig({ CALLFLOW_RUNTIME_LISTEN: '0.0.0.0:8084' }).listen; // { host: '0.0.0.0', port: 8084 }
 */
export function loadRuntimeConfig(
  source: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): RuntimeConfig {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => key in rawSchema.shape && value !== undefined && value !== ''),
  );
  const parsed = rawSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new RuntimeConfigError(`The runtime settings are invalid:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(cwd, raw.CALLFLOW_DATA_DIR);
  const keyFile = path.join(dataDir, 'secret.key');
  const keyText = raw.CALLFLOW_SECRET_KEY ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : undefined);
  return {
    listen: raw.CALLFLOW_RUNTIME_LISTEN,
    http: raw.CALLFLOW_RUNTIME_HTTP,
    eslInbound: { ...raw.CALLFLOW_ESL_INBOUND, password: raw.CALLFLOW_ESL_PASSWORD },
    databaseUrl: raw.DATABASE_URL,
    dataDir,
    secretKey: keyText ? parseSecretKey(keyText) : undefined,
    spoolDir: path.join(dataDir, 'runtime-spool'),
    voices: raw.CALLFLOW_TTS_VOICES,
    asrEngine: raw.CALLFLOW_ASR_ENGINE,
    fallback: { extension: raw.CALLFLOW_FALLBACK_EXTENSION, context: raw.CALLFLOW_FALLBACK_CONTEXT },
    unknownNumberPrompt: raw.CALLFLOW_UNKNOWN_NUMBER_PROMPT,
    soundsDir: raw.CALLFLOW_SOUNDS_DIR,
    holdMusic: raw.CALLFLOW_HOLD_MUSIC,
    recordingsDir: raw.CALLFLOW_RECORDINGS_DIR,
    recordCalls: raw.CALLFLOW_RECORD_CALLS === 'true',
    transferDialString: raw.CALLFLOW_TRANSFER_DIAL_STRING,
    transferSipDialString: raw.CALLFLOW_TRANSFER_SIP_DIAL_STRING,
    maxCallSeconds: raw.CALLFLOW_MAX_CALL_SECONDS,
    drainSeconds: raw.CALLFLOW_DRAIN_SECONDS,
    httpTimeoutSeconds: raw.CALLFLOW_HTTP_TIMEOUT_SECONDS,
    httpMaxBytes: raw.CALLFLOW_HTTP_MAX_BYTES,
    maxSteps: raw.CALLFLOW_MAX_STEPS,
  };
}
