// subflow: runs a reusable flow (e.g. identify the caller) and comes back to `next`.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { resourceRef } from './shared-config';

export const subflow = defineNode({
  type: 'subflow',
  category: 'logic',
  title: 'Subflow',
  description: 'Runs a shared flow with the same call variables and returns here when it ends.',
  config: z.strictObject({ flow: resourceRef }),
  ports: () => [{ name: 'next', label: 'Next', mayEnd: true }],
  summary: (c) => c.flow.ref,
  references: (c) => ({ resources: [{ path: '/config/flow', kind: 'subflow', key: c.flow.ref }] }),
  effects: [],
  callerReview: { destination: true, settings: { routing: ['flow'] } },
  compile: (c) => ({ kind: 'subflow', key: c.flow.ref }),
});
