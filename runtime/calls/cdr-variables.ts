// The flow's non-sensitive variables as channel variables (`callflow_var_<name>`), so CDRs carry what the call decided.

import type { CallContext } from '../../flow-engine/compile';

/** Longer values are cut: a CDR field, not a data store (and one sendmsg header line). */
export const CDR_VALUE_MAX = 128;
/** At most this many variables are exported, in declaration order: a value with a space costs one `set` each. */
export const CDR_VARIABLES_MAX = 32;

/**
 * `callflow_var_<name>` → value for every declared variable that has a value and is not tainted (declared sensitive,
 * keyed at a sensitive collect or computed from one); any sensitive value that still appears inside a text (an HTTP
 * answer echoing a card number) is masked as in events. Objects and lists are JSON.
 * @example
 * cdrVariables({ scope: { call: {…}, reason: 'billing', pin: '1234' }, tainted: new Set(['pin']), sensitive })
 * // { callflow_var_reason: 'billing' }
 */
export function cdrVariables(context: Pick<CallContext, 'scope' | 'tainted' | 'sensitive'>): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of Object.entries(context.scope)) {
    if (name === 'call' || value === null || value === undefined || context.tainted.has(name)) continue;
    if (++count > CDR_VARIABLES_MAX) break;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    out[`callflow_var_${name}`] = context.sensitive.mask(text).slice(0, CDR_VALUE_MAX);
  }
  return out;
}
