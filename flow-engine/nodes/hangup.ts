// hangup: optionally says goodbye, then ends the call.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { prompt, promptRefs, promptSummary } from './shared-config';
import type { HangupRequest } from '../driver/call-driver';
import { END, effectStep } from '../compile/node-behaviour';

export const hangup = defineNode({
  type: 'hangup',
  category: 'routing',
  title: 'Hang up',
  description: 'Ends the call, after an optional goodbye.',
  config: z.strictObject({
    prompt: prompt.optional(),
    /** Why the call ends here, for reports (e.g. `self-service-complete`). */
    reason: z.string().max(200).optional(),
  }),
  ports: () => [],
  summary: (c) => c.reason ?? promptSummary(c.prompt),
  references: (c) => promptRefs('/config/prompt', c.prompt),
  effects: ['hangup'],
  callerReview: { destination: true },
  compile(c, compiler) {
    const goodbye = compiler.optionalPrompt(c.prompt, '/config/prompt');
    return {
      kind: 'effects',
      steps: [
        effectStep<HangupRequest, void>({
          effect: 'hangup',
          request: (call) => ({
            node: call.node,
            prompts: goodbye ? [goodbye.render(call)] : [],
            reason: 'hangup',
            ...(c.reason ? { detail: c.reason } : {}),
          }),
          result(call) {
            call.end = { node: call.node, reason: 'hangup', ...(c.reason ? { detail: c.reason } : {}) };
            return END;
          },
        }),
      ],
    };
  },
});
