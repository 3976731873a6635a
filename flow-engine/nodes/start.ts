// start: where every call enters the flow. Exactly one per flow.

import { z } from 'zod';
import { defineNode } from '../define-node';

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
});
