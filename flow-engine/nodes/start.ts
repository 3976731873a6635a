// start: where every call enters the flow. Exactly one per flow.

import * as z from 'zod';
import { defineNode } from '../define-node';
import type { AnswerRequest, EffectRequestBase } from '../driver/call-driver';
import { NEXT_STEP, effectStep, type EffectStep } from '../compile/node-behaviour';

export const start = defineNode({
  type: 'start',
  category: 'interaction',
  title: 'Start',
  description: 'Where the call enters the flow.',
  config: z.strictObject({
    /** Answer the call before the first node; false opens early media only (the call is not answered, not billed). */
    answer: z.boolean().default(true),
  }),
  ports: () => [{ name: 'next', label: 'Next' }],
  summary: () => ({ code: 'start', params: {} }),
  references: () => ({}),
  // Answers the call (the flow's own start only: a subflow's start, `sub/start`, joins a call already answered),
  // then reads the call's clock once: a call without `call.at` gets the driver's time, and the machine's first
  // decisions run only after the actor has started (XState defers the initial state's entry actions).
  effects: ['now', 'answer'],
  compile(c, compiler) {
    const clock = effectStep<EffectRequestBase, Date>({
      effect: 'now',
      request: (call) => ({ node: call.node }),
      result(call, now) {
        if (!call.call.at) call.call.at = now.toISOString();
        return 'next';
      },
    });
    if (compiler.id.includes('/')) return { kind: 'effects', steps: [clock] };
    const answer: EffectStep = effectStep<AnswerRequest, void>({
      effect: 'answer',
      request: (call) => ({ node: call.node, earlyMedia: !c.answer }),
      result: () => NEXT_STEP,
    });
    return { kind: 'effects', steps: [answer, clock] };
  },
});
