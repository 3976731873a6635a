// The variable path being typed at the caret in a CEL expression (for completion), skipping string literals.

/**
 * @example wordAt('tier == "vip" && att', 20) // { start: 17, end: 20, text: 'att' }
 * @example wordAt('name == "ab', 11) // null (inside a string)
 */
export function wordAt(source: string, caret: number): { start: number; end: number; text: string } | null {
  let quote: string | null = null;
  for (let i = 0; i < caret; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
  }
  if (quote) return null;
  let start = caret;
  while (start > 0 && /[A-Za-z0-9_.]/.test(source.charAt(start - 1))) start--;
  let end = caret;
  while (end < source.length && /[A-Za-z0-9_]/.test(source.charAt(end))) end++;
  const text = source.slice(start, caret);
  if (text !== '' && /^[0-9]/.test(text)) return null;
  return { start, end, text };
}
