// speech: asks an open question and branches on the recognised intent.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { identifier, inputOptions, inputPromptRefs, mergeRefs, portName, prompt, promptSummary } from './shared-config';
import type { RecognizeRequest, RecognizeResult } from '../driver/call-driver';
import { effectStep } from '../compile/node-behaviour';
import { attemptPrompts, compileAttemptPrompts, failAttempt } from '../compile/input-attempts';
import { setVariable } from '../compile/call-scope';

export const speech = defineNode({
  type: 'speech',
  category: 'interaction',
  title: 'Speech input',
  description: 'Recognises what the caller says and branches on the intent it matches.',
  config: z.strictObject({
    prompt,
    intents: z
      .array(
        z.strictObject({
          name: portName,
          label: z.string().max(200).optional(),
          /** Phrases per intent; a caller utterance containing one matches (case-insensitive). */
          phrases: z.array(z.string().min(1).max(200)).min(1).max(200),
          /** A DTMF key that selects this intent as well. */
          dtmf: z
            .string()
            .regex(/^[0-9*#]$/)
            .optional(),
        }),
      )
      .min(1)
      .max(30),
    /** Stores what the caller said. */
    variable: identifier.optional(),
    ...inputOptions,
  }),
  ports: (c) => [
    ...c.intents.map((i) => ({ name: i.name, label: i.label ?? i.name })),
    { name: 'noMatch', label: 'No match' },
    { name: 'noInput', label: 'No input' },
  ],
  summary: (c) => `${c.intents.map((i) => i.name).join(', ')} — ${promptSummary(c.prompt)}`,
  references: (c) =>
    mergeRefs(inputPromptRefs(c), { writes: c.variable ? [{ path: '/config/variable', name: c.variable }] : [] }),
  effects: ['recognize'],
  uniqueItems: [
    { list: 'intents', field: 'name', what: 'name', namesPort: true },
    { list: 'intents', field: 'dtmf', what: 'key', namesPort: false },
  ],
  callerReview: { choice: true, destination: true },
  compile(c, compiler) {
    const prompts = compileAttemptPrompts(compiler, c);
    const intents = c.intents.map((i) => ({
      name: i.name,
      dtmf: i.dtmf,
      phrases: i.phrases.map((p) => p.toLowerCase()),
    }));
    const hints = c.intents.flatMap((i) => i.phrases);
    const dtmfKeys = c.intents.flatMap((i) => (i.dtmf ? [i.dtmf] : []));
    const ports = { noInput: 'noInput', invalid: 'noMatch' };
    const sensitive = c.variable !== undefined && compiler.isSensitive(c.variable);
    return {
      kind: 'effects',
      steps: [
        effectStep<RecognizeRequest, RecognizeResult>({
          effect: 'recognize',
          repeats: true,
          request: (call) => ({
            node: call.node,
            prompts: attemptPrompts(call, prompts),
            timeoutSeconds: c.timeoutSeconds,
            hints,
            dtmfKeys,
            sensitive,
            attempt: call.attempt,
          }),
          result(call, answer) {
            if (answer.kind === 'timeout') return failAttempt(call, 'noInput', c.maxAttempts, ports);
            if (answer.kind === 'dtmf') {
              const intent = intents.find((i) => i.dtmf !== undefined && i.dtmf === answer.digits[0]);
              if (intent && c.variable) setVariable(call, c.variable, answer.digits);
              return intent ? intent.name : failAttempt(call, 'invalid', c.maxAttempts, ports);
            }
            const said = answer.text.trim();
            if (said === '') return failAttempt(call, 'noInput', c.maxAttempts, ports);
            if (c.variable) setVariable(call, c.variable, said);
            const lower = said.toLowerCase();
            // Phrase containment, first intent in the order written wins.
            const intent = intents.find((i) => i.phrases.some((p) => lower.includes(p)));
            return intent ? intent.name : failAttempt(call, 'invalid', c.maxAttempts, ports);
          },
        }),
      ],
    };
  },
});
