// start: where every call enters the flow. Exactly one per flow.

import { z } from 'zod';
import { defineNode } from '../define-node';
import type { EffectRequestBase } from '../driver/call-driver';
import { effectStep } from '../compile/node-behaviour';

export const start = defineNode({
  type: 'start',
  category: 'interaction',
  title: 'Start',
  description: 'Where the call enters the flow.',
  config: z.strictObject({
    /** Answer the call before the first node (set false to play early media). */
    answer: z.boolean().default(true),
  }),
  ports: () => [{ name: 'next', label: 'Next' }],
  summary: () => 'Incoming call',
  references: () => ({}),
  // Reads the call's clock once: a call without `call.at` gets the driver's time, and the machine's first
  // decisions run only after the actor has started (XState defers the initial state's entry actions).
  compile: () => ({
    kind: 'effects',
    steps: [
      effectStep<EffectRequestBase, Date>({
        effect: 'now',
        request: (call) => ({ node: call.node }),
        result(call, now) {
          if (!call.call.at) call.call.at = now.toISOString();
          return 'next';
        },
      }),
    ],
  }),
});
