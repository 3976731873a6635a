// The transfer node's check for rule invalid-transfer-target (error): a transfer's fixed target is a phone number or a SIP URI, checked at save.

import type { NodeCheck } from '../define-node';
import { parseTransferTarget } from './transfer-target';

export const transferTargetCheck: NodeCheck<{ to: string }> = {
  rule: 'invalid-transfer-target',
  check({ to }, entry, ctx) {
    // A template is filled in during the call; the runtime checks the result then (a bad one takes the failed port).
    if (to.includes('{{') || parseTransferTarget(to)) return;
    ctx.report.error({
      rule: 'invalid-transfer-target',
      path: `${entry.path}/config/to`,
      nodeId: entry.id,
      code: 'invalid-transfer-target',
      params: { name: entry.node.label || entry.id, to },
    });
  },
};
