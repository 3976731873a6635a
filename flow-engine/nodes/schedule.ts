// schedule: open / closed / holiday by a shared or inline schedule, evaluated in its own time zone.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { scheduleCheck } from './schedule-checks';
import { scheduleDefinition } from '../schedule/schedule-config';
import { resourceRef } from './shared-config';
import type { EffectRequestBase } from '../driver/call-driver';
import { effectStep } from '../compile/node-behaviour';
import { scheduleState } from '../schedule';

export const schedule = defineNode({
  type: 'schedule',
  category: 'logic',
  title: 'Business hours',
  description: 'Branches on whether the call comes in during opening hours, outside them, or on a holiday.',
  config: z.strictObject({ schedule: z.union([resourceRef, scheduleDefinition]) }),
  ports: () => [
    { name: 'open', label: 'Open' },
    { name: 'closed', label: 'Closed' },
    { name: 'holiday', label: 'Holiday' },
  ],
  summary: (c) => ('ref' in c.schedule ? c.schedule.ref : c.schedule.timezone),
  references: (c) => ({
    resources: 'ref' in c.schedule ? [{ path: '/config/schedule', kind: 'schedule', key: c.schedule.ref }] : [],
  }),
  effects: ['now'],
  callerReview: { settings: { schedules: ['schedule'] } },
  checks: [scheduleCheck],
  compile(c, compiler) {
    const definition = 'ref' in c.schedule ? compiler.resources.schedule(c.schedule.ref) : c.schedule;
    if (!definition)
      return compiler.fail(
        `uses the schedule "${'ref' in c.schedule ? c.schedule.ref : ''}", which is not defined in the resources`,
        '/config/schedule',
      );
    return {
      kind: 'effects',
      steps: [
        effectStep<EffectRequestBase, Date>({
          effect: 'now',
          request: (call) => ({ node: call.node }),
          result: (_call, now) => scheduleState(definition, now),
        }),
      ],
    };
  },
});
