// Rule idle-loop (warning): a loop that plays, queues, records or calls back but never asks the caller to choose
// can go round until the step limit (defaultMaxSteps node visits) ends the call with an error.

import { defaultMaxSteps } from '../../compile/call-context';
import { parseNodeConfig } from '../../compile/parsed-config';
import { flowsOf } from '../../compile/sensitive-taint';
import type { FlowDocument } from '../../document';
import { getNodeDefinition } from '../../nodes/index';
import type { FlowContext, NodeEntry, SemanticRule } from '../flow-context';
import { loopsAmong } from '../loops-among';

/** True when the node asks the caller for keys or speech (for a subflow node: anywhere inside the subflow). */
function asksCaller(ctx: FlowContext, entry: NodeEntry): boolean {
  if (entry.parsed?.refs.waitsForCaller) return true;
  const key = entry.parsed?.refs.resources.find((r) => r.kind === 'subflow')?.key;
  if (key === undefined || !ctx.options.resources) return false;
  const sub = ctx.options.resources.subflow(key);
  if (!sub) return false;
  return flowsOf(sub, ctx.options.resources).some((doc: FlowDocument) =>
    (Array.isArray(doc.nodes) ? doc.nodes : []).some((n) => {
      const definition = typeof n?.type === 'string' ? getNodeDefinition(n.type) : undefined;
      if (!definition) return false;
      try {
        return definition.references(parseNodeConfig(definition, n)).waitsForCaller === true;
      } catch {
        return false;
      }
    }),
  );
}

export const checkIdleLoops: SemanticRule = (ctx) => {
  const members = ctx.nodes.filter((n) => n.parsed && ctx.nodesById.get(n.id) === n && !asksCaller(ctx, n));
  for (const loop of loopsAmong(ctx, members)) {
    // Loops of logic nodes alone are errors of their own rule (logic-loop).
    if (loop.every((n) => n.definition?.category === 'logic')) continue;
    const first = loop[0]!;
    ctx.report.warning({
      rule: 'idle-loop',
      path: first.path,
      nodeId: first.id,
      code: 'idle-loop',
      params: { count: loop.length, nodes: loop.map((n) => n.id), maxSteps: defaultMaxSteps },
    });
  }
};
