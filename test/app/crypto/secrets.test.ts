// AES-256-GCM secret storage: round trip, fresh IVs, and typed errors for tampering, wrong keys and bad input.

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptSecret,
  encryptSecret,
  InvalidSecretKeyError,
  parseSecretKey,
  SecretDecryptionError,
  SecretFormatError,
} from '../../../app/_server/crypto/secrets';

const key = new Uint8Array(randomBytes(32));
const secret = 'Bearer sk_live_51H8xQ2Example';

/** Flip one character of a base64url part so the bytes change but the text stays well-formed. */
function flip(text: string): string {
  const last = text.at(-2)!;
  return `${text.slice(0, -2)}${last === 'A' ? 'B' : 'A'}${text.at(-1)}`;
}

describe('encryptSecret / decryptSecret', () => {
  it('a secret decrypts to the same text, unicode included', () => {
    expect(decryptSecret(encryptSecret(secret, key), key)).toBe(secret);
    expect(decryptSecret(encryptSecret('密码 🔑', key), key)).toBe('密码 🔑');
    expect(decryptSecret(encryptSecret('', key), key)).toBe('');
  });

  it('the stored text is versioned, does not contain the secret, and differs on every call (random IV)', () => {
    const first = encryptSecret(secret, key);
    const second = encryptSecret(secret, key);
    expect(first).toMatch(/^v1\./);
    expect(first.split('.')).toHaveLength(4);
    expect(first).not.toContain('sk_live');
    expect(first).not.toBe(second);
    expect(first.split('.')[1]).not.toBe(second.split('.')[1]);
  });

  it('an altered ciphertext, tag or IV is refused with SecretDecryptionError', () => {
    const [version, iv, tag, body] = encryptSecret(secret, key).split('.');
    if (!version || !iv || !tag || !body) throw new Error('expected version.iv.tag.body');
    for (const tampered of [
      [version, iv, tag, flip(body)],
      [version, iv, flip(tag), body],
      [version, flip(iv), tag, body],
    ]) {
      expect(() => decryptSecret(tampered.join('.'), key)).toThrow(SecretDecryptionError);
    }
  });

  it('another key cannot decrypt it', () => {
    const stored = encryptSecret(secret, key);
    expect(() => decryptSecret(stored, new Uint8Array(randomBytes(32)))).toThrow(SecretDecryptionError);
  });

  it('a ciphertext bound to one context does not decrypt under another', () => {
    const stored = encryptSecret(secret, key, { context: 'integration:crm' });
    expect(decryptSecret(stored, key, { context: 'integration:crm' })).toBe(secret);
    expect(() => decryptSecret(stored, key, { context: 'integration:billing' })).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(stored, key)).toThrow(SecretDecryptionError);
  });

  it('text in an unknown version or shape is refused with SecretFormatError', () => {
    const [, iv, tag, body] = encryptSecret(secret, key).split('.');
    if (!iv || !tag || !body) throw new Error('expected version.iv.tag.body');
    expect(() => decryptSecret(['v9', iv, tag, body].join('.'), key)).toThrow(/unknown format version "v9"/);
    expect(() => decryptSecret('plain text', key)).toThrow(SecretFormatError);
    expect(() => decryptSecret(['v1', iv, tag.slice(4), body].join('.'), key)).toThrow(SecretFormatError);
    expect(() => decryptSecret(['v1', iv, tag, 'not base64!'].join('.'), key)).toThrow(SecretFormatError);
  });

  it('a key that is not 32 bytes is refused with InvalidSecretKeyError', () => {
    expect(() => encryptSecret(secret, new Uint8Array(16))).toThrow(InvalidSecretKeyError);
    expect(() => decryptSecret('v1.a.b.c', new Uint8Array(31))).toThrow(InvalidSecretKeyError);
  });
});

describe('parseSecretKey', () => {
  it('reads 64 hex digits and base64 of 32 bytes to the same key', () => {
    const raw = randomBytes(32);
    expect(Buffer.from(parseSecretKey(raw.toString('hex')))).toEqual(raw);
    expect(Buffer.from(parseSecretKey(` ${raw.toString('base64')}\n`))).toEqual(raw);
  });

  it('refuses a short key', () => {
    expect(() => parseSecretKey(randomBytes(16).toString('base64'))).toThrow(InvalidSecretKeyError);
    expect(() => parseSecretKey('')).toThrow(InvalidSecretKeyError);
  });
});
