// Refuses `matches()` patterns that could backtrack for a very long time (a regular-expression denial of service).

import { MAX_PATTERN_LENGTH } from './limits';

/** Most repetitions (`*`, `+`, `?`, `{n,m}`) a pattern may use, and how many of them may be open-ended. */
const MAX_QUANTIFIERS = 10;
const MAX_OPEN_QUANTIFIERS = 2;
/** `{n,m}` with a wider range than this counts as open-ended. */
const WIDE_RANGE = 20;

interface GroupState {
  repeats: boolean;
  alternates: boolean;
}

/**
 * Why a `matches()` pattern is refused, or null when it is accepted. Patterns that repeat a group which itself
 * repeats or has alternatives (`(a+)+`, `(a|aa)*`), back-references, and patterns with many repetitions are
 * refused: they are where backtracking explodes. Patterns that JavaScript cannot compile are refused too.
 * @example
 * unsafePatternReason('^[0-9]{6}$') // null
 * unsafePatternReason('(a+)+$')     // "it repeats a group that itself repeats …"
 */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern);
  } catch {
    return 'it is not a valid pattern';
  }
  const stack: GroupState[] = [{ repeats: false, alternates: false }];
  let lastGroup: GroupState | null = null;
  let quantifiers = 0;
  let open = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    // The stack never empties: a `)` pops only while more than the outermost level is left.
    const top = stack.at(-1)!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return 'back-references (\\1, \\k<name>) are not allowed';
      i += 2;
      lastGroup = null;
      continue;
    }
    if (c === '[') {
      i = skipCharacterClass(pattern, i);
      lastGroup = null;
      continue;
    }
    if (c === '(') {
      stack.push({ repeats: false, alternates: false });
      i += pattern[i + 1] === '?' ? groupPrefixLength(pattern, i) : 1;
      lastGroup = null;
      continue;
    }
    if (c === ')') {
      const closed = stack.length > 1 ? stack.pop()! : top;
      const parent = stack.at(-1)!;
      parent.repeats ||= closed.repeats;
      parent.alternates ||= closed.alternates;
      lastGroup = closed;
      i++;
      continue;
    }
    if (c === '|') {
      top.alternates = true;
      lastGroup = null;
      i++;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      // `(…)?` runs its group at most once; only repeating a group can multiply its backtracking.
      if (quantifier.repeating && lastGroup && (lastGroup.repeats || lastGroup.alternates)) {
        return 'it repeats a group that itself repeats or has alternatives';
      }
      quantifiers++;
      if (quantifier.open) open++;
      if (quantifiers > MAX_QUANTIFIERS) return `it uses more than ${MAX_QUANTIFIERS} repetitions`;
      if (open > MAX_OPEN_QUANTIFIERS) return `it uses more than ${MAX_OPEN_QUANTIFIERS} open-ended repetitions (*, +)`;
      top.repeats = true;
      i += quantifier.length;
      if (pattern[i] === '?') i++; // lazy marker
      lastGroup = null;
      continue;
    }
    lastGroup = null;
    i++;
  }
  return null;
}

function skipCharacterClass(pattern: string, start: number): number {
  let i = start + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

function groupPrefixLength(pattern: string, start: number): number {
  // `(?:`, `(?=`, `(?!` are 3 long; `(?<=`, `(?<!` 4; `(?<name>` up to its `>`.
  if (pattern[start + 2] !== '<') return 3;
  if (pattern[start + 3] === '=' || pattern[start + 3] === '!') return 4;
  const close = pattern.indexOf('>', start);
  return close < 0 ? 3 : close - start + 1;
}

interface Quantifier {
  length: number;
  /** Unbounded or very wide: `*`, `+`, `{2,}`, `{1,100}`. */
  open: boolean;
  /** May match more than once (everything but `?` and `{0,1}`). */
  repeating: boolean;
}

function readQuantifier(pattern: string, i: number): Quantifier | null {
  const c = pattern[i];
  if (c === '*' || c === '+') return { length: 1, open: true, repeating: true };
  if (c === '?') return { length: 1, open: false, repeating: false };
  if (c !== '{') return null;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 16));
  if (!m) return null;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  return { length: m[0].length, open: max - min > WIDE_RANGE, repeating: max > 1 };
}
