// A small ICU message formatter for the engine's English problem sentences: `{name}`, `{n, plural, …}` and
// `{x, select, …}`. The studio formats the same codes with next-intl; the engine must stay dependency-free.

export type ProblemParam = string | number | readonly string[];

/** The value of a plain `{name}` argument: numbers in en-US digits, lists joined with commas. */
const plain = (value: ProblemParam | undefined, name: string): string => {
  if (value === undefined) throw new Error(`Problem message parameter "${name}" is missing.`);
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') return value;
  return value.join(', ');
};

/** Index of the brace that closes the one opened at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in problem message: ${text}`);
}

/** `one {…} other {…}` → { one: '…', other: '…' }. */
function options(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const key = text.slice(i, open).trim();
    const end = closing(text, open);
    out.set(key, text.slice(open + 1, end));
    i = end + 1;
  }
  return out;
}

function argument(body: string, params: Readonly<Record<string, ProblemParam>>, pound: string | undefined): string {
  const first = body.indexOf(',');
  if (first < 0) return plain(params[body.trim()], body.trim());
  const name = body.slice(0, first).trim();
  const second = body.indexOf(',', first + 1);
  const kind = body.slice(first + 1, second).trim();
  const choices = options(body.slice(second + 1));
  const value = params[name];
  if (kind === 'plural') {
    const n = Number(value);
    const pick = choices.get(`=${n}`) ?? (n === 1 ? choices.get('one') : undefined) ?? choices.get('other') ?? '';
    return formatProblemText(pick, params, n.toLocaleString('en-US'));
  }
  if (kind === 'select')
    return formatProblemText(choices.get(String(value)) ?? choices.get('other') ?? '', params, pound);
  throw new Error(`Unsupported argument type "${kind}" in problem message.`);
}

/**
 * Format an ICU message with the subset the problem catalogue uses.
 * @example
 * formatProblemText('{n, plural, one {# problem} other {# problems}}', { n: 2 }); // '2 problems'
 */
export function formatProblemText(
  text: string,
  params: Readonly<Record<string, ProblemParam>>,
  pound?: string,
): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '{') {
      const end = closing(text, i);
      out += argument(text.slice(i + 1, end), params, pound);
      i = end + 1;
    } else {
      out += ch === '#' && pound !== undefined ? pound : ch;
      i++;
    }
  }
  return out;
}
