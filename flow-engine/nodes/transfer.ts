// transfer: connects the caller to a number or SIP address (on-duty engineer, another department).

import * as z from 'zod';
import { defineNode } from '../define-node';
import { transferTargetCheck } from './transfer-checks';
import { dialTarget, mergeRefs, prompt, promptRefs } from './shared-config';
import type { TransferRequest, TransferResult } from '../driver/call-driver';
import { effectStep, endedByCaller } from '../compile/node-behaviour';
import { renderTemplate } from '../compile/call-scope';

export const transfer = defineNode({
  type: 'transfer',
  category: 'routing',
  title: 'Transfer',
  description: 'Rings another number and connects the caller when it answers.',
  config: z.strictObject({
    /** Template: a phone number or `sip:` address, e.g. `{{onDutyNumber}}`. */
    to: z.string().min(1).max(500),
    timeoutSeconds: z.number().int().min(5).max(300).default(30),
    /** Template for the caller id shown to the far end; the caller's own number by default. */
    callerId: z.string().max(200).optional(),
    /** Played before ringing, e.g. "Connecting you now". */
    prompt: prompt.optional(),
  }),
  ports: () => [
    { name: 'answered', label: 'Answered', mayEnd: true, endsAs: 'transferred' },
    { name: 'busy', label: 'Busy' },
    { name: 'noAnswer', label: 'No answer' },
    { name: 'failed', label: 'Failed' },
  ],
  summary: (c) => c.to,
  references: (c) =>
    mergeRefs(promptRefs('/config/prompt', c.prompt), {
      templates: [
        { path: '/config/to', source: c.to },
        ...(c.callerId ? [{ path: '/config/callerId', source: c.callerId }] : []),
      ],
    }),
  effects: ['transfer'],
  mocks: { table: 'transfer' },
  callerReview: { destination: true, settings: { routing: ['to', 'callerId', 'timeoutSeconds'] } },
  checks: [transferTargetCheck],
  sendsOut: { target: 'transfer', matches: dialTarget },
  compile(c, compiler) {
    const to = compiler.template(c.to, '/config/to');
    const callerId = c.callerId ? compiler.template(c.callerId, '/config/callerId') : undefined;
    const renderer = compiler.optionalPrompt(c.prompt, '/config/prompt');
    return {
      kind: 'effects',
      steps: [
        effectStep<TransferRequest, TransferResult>({
          effect: 'transfer',
          request: (call) => ({
            node: call.node,
            to: renderTemplate(call, to),
            callerId: callerId ? renderTemplate(call, callerId) : call.call.caller,
            timeoutSeconds: c.timeoutSeconds,
            prompts: renderer ? [renderer.render(call)] : [],
          }),
          result: (call, answer) =>
            answer.outcome === 'answered' && answer.bridge.endedBy === 'caller'
              ? endedByCaller(call, 'answered', 'transferred')
              : answer.outcome,
        }),
      ],
    };
  },
});
