// collect: reads a number the caller keys in (order id, card number) into a variable.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { sensitiveVariableCheck } from './collect-checks';
import { identifier, inputOptions, inputPromptRefs, mergeRefs, prompt, promptSummary } from './shared-config';
import type { CollectRequest, CollectResult } from '../driver/call-driver';
import { effectStep } from '../compile/node-behaviour';
import { attemptPrompts, compileAttemptPrompts, failAttempt } from '../compile/input-attempts';
import { evaluateBoolean, setVariable } from '../compile/call-scope';
import { luhnValid } from '../compile/luhn';

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
  summary: (c) => ({
    code: 'collect',
    params: { variable: c.variable, sensitive: c.sensitive ? 'yes' : 'no', prompt: promptSummary(c.prompt) },
  }),
  references: (c) =>
    mergeRefs(inputPromptRefs(c), {
      writes: [{ path: '/config/variable', name: c.variable, ...(c.sensitive ? { sensitive: true } : {}) }],
      expressions: c.check ? [{ path: '/config/check', source: c.check }] : [],
      locals: ['value'],
    }),
  effects: ['collect'],
  checks: [sensitiveVariableCheck],
  compile(c, compiler) {
    const prompts = compileAttemptPrompts(compiler, c);
    const check = c.check ? compiler.expression(c.check, '/config/check') : undefined;
    const asNumber = compiler.variableType(c.variable) === 'number';
    const sensitive = c.sensitive || compiler.isSensitive(c.variable);
    return {
      kind: 'effects',
      steps: [
        effectStep<CollectRequest, CollectResult>({
          effect: 'collect',
          repeats: true,
          request: (call) => ({
            node: call.node,
            prompts: attemptPrompts(call, prompts),
            minDigits: c.minDigits,
            maxDigits: c.maxDigits,
            terminator: c.terminator,
            timeoutSeconds: c.timeoutSeconds,
            sensitive,
            attempt: call.attempt,
          }),
          result(call, answer) {
            const digits =
              answer.kind === 'digits' && c.terminator && answer.digits.endsWith(c.terminator)
                ? answer.digits.slice(0, -1)
                : answer.kind === 'digits'
                  ? answer.digits
                  : '';
            if (digits === '') return failAttempt(call, 'noInput', c.maxAttempts);
            // Keyed at a sensitive collect: masked everywhere from now on, even when refused below.
            if (sensitive) call.sensitive.add(digits);
            const valid =
              /^\d+$/.test(digits) &&
              digits.length >= c.minDigits &&
              digits.length <= c.maxDigits &&
              (!c.luhn || luhnValid(digits)) &&
              (!check || evaluateBoolean(call, check, { value: digits }));
            if (!valid) return failAttempt(call, 'invalid', c.maxAttempts);
            setVariable(call, c.variable, asNumber ? Number(digits) : digits);
            return 'ok';
          },
        }),
      ],
    };
  },
});
