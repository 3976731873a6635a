// Turns a region rule's prefix (national `010`, `138`, international `+8610`, `00852`) into E.164 digits.

import { AsYouType, isSupportedCountry } from 'libphonenumber-js/min';

// Rule sets can hold thousands of prefixes and may be re-parsed into new objects; memoise, bounded.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, string | null>();

/**
 * The digits a number's E.164 form starts with when it matches `prefix`, read in `defaultCountry`:
 * `+8610` → `8610`; in CN `010` → `8610` (trunk prefix 0 dropped), `138` → `86138`, `00852` → `852`.
 * Null when a national prefix cannot be placed (unknown default country, a bare international prefix).
 * @example
 * prefixDigits('0755', 'CN'); // '86755'
 * prefixDigits('+8621', 'CN'); // '8621'
 */
export function prefixDigits(prefix: string, defaultCountry: string): string | null {
  const key = `${defaultCountry}|${prefix}`;
  let digits = memo.get(key);
  if (digits === undefined) {
    digits = convert(prefix, defaultCountry);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, digits);
  }
  return digits;
}

function convert(prefix: string, defaultCountry: string): string | null {
  if (prefix.startsWith('+')) return prefix.length > 1 ? prefix.slice(1) : null;
  if (!isSupportedCountry(defaultCountry)) return null;
  // AsYouType reads a partial number the way a dialler does: it knows each country's trunk prefix
  // (0 in CN and GB, 8 in RU, 1 in US) and international prefix (00 in CN, 011 in US), and gives
  // the E.164 start of what was typed: `010` → `+8610`, `00852` → `+852`.
  const reader = new AsYouType(defaultCountry);
  reader.input(prefix);
  const value = reader.getNumberValue();
  return value && value.length > 1 ? value.slice(1) : null;
}
