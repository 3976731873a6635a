// callback: books a call back to the caller, as soon as an agent is free or at the next opening time.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { dialTarget, mergeRefs, prompt, promptRefs, resourceRef } from './shared-config';
import type { CallbackRequest, CallbackResult, PlayRequest } from '../driver/call-driver';
import { NEXT_STEP, effectStep, type EffectStep } from '../compile/node-behaviour';
import { renderTemplate } from '../compile/call-scope';

export const callback = defineNode({
  type: 'callback',
  category: 'routing',
  title: 'Callback',
  description: 'Schedules a call back to the caller.',
  config: z
    .strictObject({
      /** Template of the number to call back. */
      number: z.string().min(1).max(200).default('{{call.caller}}'),
      skillGroup: resourceRef.optional(),
      /** `asap`: when an agent is free; `nextOpen`: at the next opening time of `schedule`. */
      when: z.enum(['asap', 'nextOpen']).default('asap'),
      schedule: resourceRef.optional(),
      /** Confirmation played after booking. */
      prompt: prompt.optional(),
    })
    .refine((c) => c.when !== 'nextOpen' || c.schedule, { message: 'nextOpen needs a schedule', path: ['schedule'] }),
  ports: () => [
    { name: 'scheduled', label: 'Scheduled', mayEnd: true },
    { name: 'failed', label: 'Failed' },
  ],
  summary: (c) => `${c.when}${c.skillGroup ? ` · ${c.skillGroup.ref}` : ''}`,
  references: (c) =>
    mergeRefs(promptRefs('/config/prompt', c.prompt), {
      templates: [{ path: '/config/number', source: c.number }],
      resources: [
        ...(c.skillGroup ? [{ path: '/config/skillGroup', kind: 'skillGroup' as const, key: c.skillGroup.ref }] : []),
        ...(c.schedule ? [{ path: '/config/schedule', kind: 'schedule' as const, key: c.schedule.ref }] : []),
      ],
    }),
  effects: ['scheduleCallback', 'play'],
  mocks: { table: 'callback' },
  callerReview: { destination: true, settings: { routing: ['number', 'skillGroup', 'when'], schedules: ['schedule'] } },
  sendsOut: { target: 'callback', matches: dialTarget },
  compile(c, compiler) {
    const number = compiler.template(c.number, '/config/number');
    const group = c.skillGroup
      ? { key: c.skillGroup.ref, name: compiler.resources.skillGroup(c.skillGroup.ref)?.name ?? c.skillGroup.ref }
      : undefined;
    const schedule = c.schedule ? compiler.resources.schedule(c.schedule.ref) : undefined;
    if (c.when === 'nextOpen' && !schedule) {
      compiler.fail(
        `uses the schedule "${c.schedule?.ref ?? ''}", which is not defined in the resources`,
        '/config/schedule',
      );
    }
    const confirmation = compiler.optionalPrompt(c.prompt, '/config/prompt');
    const steps: EffectStep[] = [
      effectStep<CallbackRequest, CallbackResult>({
        effect: 'scheduleCallback',
        request: (call) => ({
          node: call.node,
          number: renderTemplate(call, number),
          ...(group ? { skillGroup: group } : {}),
          when: c.when,
          ...(c.when === 'nextOpen' && schedule ? { schedule } : {}),
        }),
        result: (_call, answer) =>
          answer.outcome === 'scheduled' ? (confirmation ? NEXT_STEP : 'scheduled') : 'failed',
      }),
    ];
    if (confirmation) {
      steps.push(
        effectStep<PlayRequest, void>({
          effect: 'play',
          request: (call) => ({ node: call.node, prompt: confirmation.render(call), bargeIn: false }),
          result: () => 'scheduled',
        }),
      );
    }
    return { kind: 'effects', steps };
  },
});
