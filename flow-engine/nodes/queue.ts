// queue: waits for an agent of a skill group, with position / wait-time announcements and a callback offer.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { mergeRefs, prompt, promptRefs, resourceRef } from './shared-config';
import type { EnqueueRequest, EnqueueResult } from '../driver/call-driver';
import type { QueueMock } from '../test-case';
import { effectStep, endedByCaller } from '../compile/node-behaviour';
import { evaluateNumber } from '../compile/call-scope';

/** A queue mock answered after the queue's `maxWaitSeconds` cannot happen: the caller would have left by `overflow` first. */
function answeredTooLate(mock: unknown, c: { maxWaitSeconds: number }, at: { key: string; node: string }) {
  const { outcome, waitSeconds } = mock as QueueMock; // the queue table's mocks, already checked by the test-case schema
  if (outcome !== 'answered' || waitSeconds === undefined || waitSeconds <= c.maxWaitSeconds) return undefined;
  return {
    path: '/waitSeconds',
    message: `the queue mock "${at.key}" is answered after ${waitSeconds} s, but queue node "${at.node}" leaves by overflow after ${c.maxWaitSeconds} s (maxWaitSeconds); answer within ${c.maxWaitSeconds} s or use the outcome "overflow"`,
  };
}

export const queue = defineNode({
  type: 'queue',
  category: 'routing',
  title: 'Queue',
  description: 'Puts the caller in a skill group queue until an agent answers.',
  config: z.strictObject({
    skillGroup: resourceRef,
    /** 0 (normal) to 10 (most urgent); `priorityExpression` wins when set. */
    priority: z.number().int().min(0).max(10).default(0),
    /** CEL giving a number 0–10, e.g. `tier == "vip" ? 9 : 0`. */
    priorityExpression: z.string().min(1).max(2000).optional(),
    /** Leave by `overflow` after waiting this long. */
    maxWaitSeconds: z.number().int().min(5).max(7200).default(600),
    announcePosition: z.boolean().default(true),
    announceWaitTime: z.boolean().default(true),
    announceEverySeconds: z.number().int().min(15).max(600).default(60),
    /** Audio file played while waiting. */
    holdMusic: z.string().max(500).optional(),
    /** Offer a callback after this wait; pressing `callbackKey` leaves by `callback`. */
    callbackOfferAfterSeconds: z.number().int().min(0).max(7200).optional(),
    callbackKey: z
      .string()
      .regex(/^[0-9*#]$/)
      .default('1'),
    callbackOfferPrompt: prompt.optional(),
    /** Played when the caller joins the queue. */
    prompt: prompt.optional(),
  }),
  ports: () => [
    { name: 'answered', label: 'Answered', mayEnd: true, endsAs: 'queued' },
    { name: 'overflow', label: 'Overflow' },
    { name: 'noAgents', label: 'No agents' },
    { name: 'callback', label: 'Callback requested' },
  ],
  summary: (c) => ({
    code: 'queue',
    params: { skillGroup: c.skillGroup.ref, priority: c.priority || c.priorityExpression ? 'yes' : 'no' },
  }),
  references: (c) =>
    mergeRefs(
      promptRefs('/config/prompt', c.prompt),
      promptRefs('/config/callbackOfferPrompt', c.callbackOfferPrompt),
      {
        resources: [{ path: '/config/skillGroup', kind: 'skillGroup', key: c.skillGroup.ref }],
        expressions: c.priorityExpression ? [{ path: '/config/priorityExpression', source: c.priorityExpression }] : [],
      },
    ),
  effects: ['enqueue'],
  mocks: {
    table: 'queue',
    resourceKey: { noun: 'skill group', of: (c) => c.skillGroup.ref },
    contradiction: answeredTooLate,
  },
  callerReview: {
    destination: true,
    settings: {
      routing: [
        'skillGroup',
        'priority',
        'priorityExpression',
        'maxWaitSeconds',
        'callbackOfferAfterSeconds',
        'callbackKey',
      ],
    },
  },
  compile(c, compiler) {
    const group = {
      key: c.skillGroup.ref,
      name: compiler.resources.skillGroup(c.skillGroup.ref)?.name ?? c.skillGroup.ref,
    };
    const priority = c.priorityExpression
      ? compiler.expression(c.priorityExpression, '/config/priorityExpression')
      : undefined;
    const joined = compiler.optionalPrompt(c.prompt, '/config/prompt');
    const offer = compiler.optionalPrompt(c.callbackOfferPrompt, '/config/callbackOfferPrompt');
    return {
      kind: 'effects',
      steps: [
        effectStep<EnqueueRequest, EnqueueResult>({
          effect: 'enqueue',
          request: (call) => ({
            node: call.node,
            skillGroup: group,
            priority: priority ? Math.min(10, Math.max(0, Math.round(evaluateNumber(call, priority)))) : c.priority,
            maxWaitSeconds: c.maxWaitSeconds,
            announcePosition: c.announcePosition,
            announceWaitTime: c.announceWaitTime,
            announceEverySeconds: c.announceEverySeconds,
            ...(c.holdMusic ? { holdMusic: c.holdMusic } : {}),
            ...(c.callbackOfferAfterSeconds !== undefined
              ? {
                  callbackOffer: {
                    afterSeconds: c.callbackOfferAfterSeconds,
                    key: c.callbackKey,
                    ...(offer ? { prompt: offer.render(call) } : {}),
                  },
                }
              : {}),
            prompts: joined ? [joined.render(call)] : [],
          }),
          result: (call, answer) =>
            answer.outcome === 'answered' && answer.bridge.endedBy === 'caller'
              ? endedByCaller(call, 'answered', 'queued')
              : answer.outcome,
        }),
      ],
    };
  },
});
