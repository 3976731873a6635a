// Rule invalid-transfer-target (error): a transfer's fixed target is a phone number or a SIP URI, checked at save.

import { parseTransferTarget } from '../../nodes/transfer-target';
import type { SemanticRule } from '../flow-context';

export const checkTransferTargets: SemanticRule = (ctx) => {
  for (const entry of ctx.nodes) {
    if (entry.node.type !== 'transfer' || !entry.parsed) continue;
    const { to } = entry.parsed.config as { to: string };
    // A template is filled in during the call; the runtime checks the result then (a bad one takes the failed port).
    if (to.includes('{{') || parseTransferTarget(to)) continue;
    ctx.report.error({
      rule: 'invalid-transfer-target',
      path: `${entry.path}/config/to`,
      nodeId: entry.id,
      code: 'invalid-transfer-target',
      params: { name: entry.node.label || entry.id, to },
    });
  }
};
