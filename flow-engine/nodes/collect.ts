// collect: reads a number the caller keys in (order id, card number) into a variable.

import { z } from 'zod';
import { defineNode } from '../define-node';
import { identifier, inputOptions, inputPromptRefs, mergeRefs, prompt, promptSummary } from './shared-config';

export const collect = defineNode({
  type: 'collect',
  category: 'interaction',
  title: 'Collect digits',
  description: 'Collects digits into a variable, checks them and retries.',
  config: z
    .strictObject({
      prompt,
      variable: identifier,
      minDigits: z.number().int().min(1).max(64).default(1),
      maxDigits: z.number().int().min(1).max(64).default(20),
      /** Key that ends the entry early; empty for none. */
      terminator: z.enum(['#', '*', '']).default('#'),
      /** Card numbers etc.: masked everywhere and call recording paused while keyed in. */
      sensitive: z.boolean().default(false),
      /** Reject numbers that fail the Luhn check (payment cards). */
      luhn: z.boolean().default(false),
      /** CEL expression over `value` (the digits) that must be true, e.g. `value.startsWith("1")`. */
      check: z.string().min(1).max(1000).optional(),
      ...inputOptions,
    })
    .refine((c) => c.minDigits <= c.maxDigits, { message: 'minDigits must not exceed maxDigits', path: ['minDigits'] }),
  ports: () => [
    { name: 'ok', label: 'OK' },
    { name: 'invalid', label: 'Invalid' },
    { name: 'noInput', label: 'No input' },
  ],
  summary: (c) => `${c.variable}${c.sensitive ? ' (sensitive)' : ''} — ${promptSummary(c.prompt)}`,
  references: (c) =>
    mergeRefs(inputPromptRefs(c), {
      writes: [{ path: '/config/variable', name: c.variable }],
      expressions: c.check ? [{ path: '/config/check', source: c.check }] : [],
      locals: ['value'],
    }),
});
