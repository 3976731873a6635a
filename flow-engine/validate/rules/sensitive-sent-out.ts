// Rule sensitive-sent-out (warning): a sensitive value, or one computed from it, put into a URL or a dial target,
// where it ends up in server, proxy and telephone logs that masking cannot reach.

import type { FlowDocument } from '../../document';
import { emptyResolver } from '../../resources';
import { flowsOf, identifiersAt, taintedVariables } from '../../compile/sensitive-taint';
import type { SemanticRule } from '../flow-context';

export const checkSensitiveSentOut: SemanticRule = (ctx) => {
  if (!ctx.nodes.some((n) => n.definition?.sendsOut)) return;
  const flow = ctx.doc as unknown as FlowDocument;
  const tainted = taintedVariables(flowsOf(flow, ctx.options.resources ?? emptyResolver));
  if (tainted.size === 0) return;
  for (const entry of ctx.nodes) {
    // Which templates leave the call is the node type's to say (`sendsOut` in its definition).
    const target = entry.definition?.sendsOut;
    if (!target || !entry.parsed) continue;
    for (const ref of entry.parsed.refs.templates) {
      if (!target.matches(ref.path)) continue;
      const names = identifiersAt(entry.parsed.refs, ref.path).filter((name) => tainted.has(name));
      if (names.length === 0) continue;
      ctx.report.warning({
        rule: 'sensitive-sent-out',
        path: `${entry.path}${ref.path}`,
        nodeId: entry.id,
        code: 'sensitive-sent-out',
        params: { node: entry.id, variables: names.map((n) => `"${n}"`), target: target.target },
      });
    }
  }
};
