// FreeSWITCH's `digits_dialed` channel variable (the CDR's record of every key), as outbound-digits-dialed-cdr.txt shows it.

/**
 * What FreeSWITCH writes into `digits_dialed` at hangup from `keys`, every key the leg logged (terminators included;
 * keys that arrived while `sensitive_dtmf` was true are not logged): `none` when there was none. `digits_dialed_filter` is a regex
 * whose last capture group (the whole match when it has none) becomes `X`s; only that variable is masked.
 * @example digitsDialed('4532015112830366#', { digits_dialed_filter: '^\\d{12}' }) // 'XXXXXXXXXXXX0366#'
 */
export function digitsDialed(keys: string, variables: Record<string, string>): string {
  if (keys === '') return 'none';
  const filter = variables.digits_dialed_filter;
  if (!filter) return keys;
  let pattern: RegExp;
  try {
    pattern = new RegExp(filter, 'd');
  } catch {
    return keys;
  }
  const match = pattern.exec(keys);
  if (!match?.indices) return keys;
  const span = match.indices[match.length - 1] ?? match.indices[0];
  if (!span) return keys;
  const [start, end] = span;
  return keys.slice(0, start) + 'X'.repeat(end - start) + keys.slice(end);
}
