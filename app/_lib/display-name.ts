// The rule for a user's display name, shared by the profile form (as-you-type feedback) and the server (the check
// that counts): 1–100 characters, no control or invisible formatting characters, stored NFKC-normalised with single
// spaces so that look-alike spellings ("Ａｄｍｉｎ", "Admin  ") are the same name to the uniqueness check.

/** Also the database's check constraint on users.name (schemas/db/auth.ts). */
export const maxDisplayNameLength = 100;

/**
 * Control characters (tab, newline, NUL…), invisible format characters (zero-width space and joiners, bidi
 * overrides, soft hyphen, BOM) and line/paragraph separators: they let a name look like another one or break layouts.
 */
const forbiddenCharacters = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export type DisplayNameProblem = 'empty' | 'tooLong' | 'invisibleCharacters';

export type DisplayNameCheck = { ok: true; name: string } | { ok: false; problem: DisplayNameProblem };

/** The name as it will be stored, or why it cannot be a name. Length counts characters (code points), as PostgreSQL does. */
export function checkDisplayName(raw: string): DisplayNameCheck {
  if (forbiddenCharacters.test(raw)) return { ok: false, problem: 'invisibleCharacters' };
  const name = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  // NFKC can turn a compatibility character into a forbidden one; check the stored form too.
  if (forbiddenCharacters.test(name)) return { ok: false, problem: 'invisibleCharacters' };
  if (name === '') return { ok: false, problem: 'empty' };
  if ([...name].length > maxDisplayNameLength) return { ok: false, problem: 'tooLong' };
  return { ok: true, name };
}
