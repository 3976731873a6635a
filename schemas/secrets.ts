// Encryption at rest for integration secrets (AES-256-GCM, versioned text format); shared by the studio, which writes them, and the runtime, which reads them.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The format tag; a future key rotation or algorithm change gets `v2` and both are readable. */
const FORMAT_VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Base class so callers can catch every secret failure with one `instanceof`. */
export class SecretError extends Error {
  override name = 'SecretError';
}

/** The key is not 32 bytes (or its text form is neither 64 hex digits nor base64 of 32 bytes). */
export class InvalidSecretKeyError extends SecretError {
  override name = 'InvalidSecretKeyError';
}

/** The stored text is not a ciphertext this module wrote (unknown version, wrong shape). */
export class SecretFormatError extends SecretError {
  override name = 'SecretFormatError';
}

/** Authentication failed: the ciphertext was altered, or it was encrypted with another key or context. */
export class SecretDecryptionError extends SecretError {
  override name = 'SecretDecryptionError';
}

export interface SecretOptions {
  /**
   * Authenticated but not encrypted context, e.g. `integration:crm`. A ciphertext copied to another
   * row with a different context then fails to decrypt instead of leaking that row's secret.
   */
  context?: string;
}

function checkKey(key: Uint8Array): void {
  if (key.byteLength !== KEY_BYTES) {
    throw new InvalidSecretKeyError(`The secret key must be ${KEY_BYTES} bytes; got ${key.byteLength}.`);
  }
}

/** Read a key written as 64 hex digits or as base64 of 32 bytes (what `openssl rand -base64 32` prints). */
export function parseSecretKey(text: string): Uint8Array {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.byteLength !== KEY_BYTES) {
    throw new InvalidSecretKeyError(`The secret key must be 64 hex digits or base64 of ${KEY_BYTES} bytes.`);
  }
  return new Uint8Array(bytes);
}

/**
 * Encrypt a secret for storage. Each call uses a fresh random IV, so equal secrets give different texts.
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export function encryptSecret(plain: string, key: Uint8Array, options: SecretOptions = {}): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  if (options.context !== undefined) cipher.setAAD(Buffer.from(options.context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT_VERSION, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

/** Decrypt what encryptSecret wrote; throws SecretFormatError or SecretDecryptionError, never returns garbage. */
export function decryptSecret(ciphertext: string, key: Uint8Array, options: SecretOptions = {}): string {
  checkKey(key);
  const [version, ivText, tagText, bodyText, ...extra] = ciphertext.split('.');
  if (bodyText === undefined || ivText === undefined || tagText === undefined || extra.length > 0) {
    throw new SecretFormatError('The stored secret is not in a known format.');
  }
  if (version !== FORMAT_VERSION)
    throw new SecretFormatError(`The stored secret has an unknown format version "${version}".`);
  const base64url = /^[A-Za-z0-9_-]*$/;
  if (![ivText, tagText, bodyText].every((p) => base64url.test(p))) {
    throw new SecretFormatError('The stored secret is not in a known format.');
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.byteLength !== IV_BYTES || tag.byteLength !== TAG_BYTES) {
    throw new SecretFormatError('The stored secret is not in a known format.');
  }
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  if (options.context !== undefined) decipher.setAAD(Buffer.from(options.context, 'utf8'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // node:crypto reports a failed tag check as a generic Error; map it to our typed error.
    throw new SecretDecryptionError('The stored secret could not be decrypted: it was altered or the key has changed.');
  }
}

/** The authenticated context an integration's secret is encrypted under (the studio's integrations router uses the same). */
export const integrationSecretContext = (key: string): string => `integration:${key}`;
