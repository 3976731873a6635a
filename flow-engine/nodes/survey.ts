// survey: post-call satisfaction questions answered on the keypad (e.g. 1–5).

import * as z from 'zod';
import { defineNode } from '../define-node';
import { identifier, inputOptions, mergeRefs, prompt, promptRefs } from './shared-config';
import type { CollectRequest, CollectResult, PlayRequest } from '../driver/call-driver';
import { AGAIN, NEXT_STEP, effectStep, type EffectStep } from '../compile/node-behaviour';
import { attemptPrompts, failAttempt, singleKeyRequest } from '../compile/input-attempts';
import { setVariable } from '../compile/call-scope';

export const survey = defineNode({
  type: 'survey',
  category: 'interaction',
  title: 'Survey',
  description: 'Asks one or more rating questions; each answer goes into a variable.',
  config: z.strictObject({
    intro: prompt.optional(),
    questions: z
      .array(
        z
          .strictObject({
            prompt,
            variable: identifier,
            min: z.number().int().min(0).max(9).default(1),
            max: z.number().int().min(0).max(9).default(5),
          })
          .refine((q) => q.min <= q.max, { message: 'min must not exceed max', path: ['min'] }),
      )
      .min(1)
      .max(10),
    thanks: prompt.optional(),
    ...inputOptions,
  }),
  ports: () => [
    { name: 'done', label: 'Done', mayEnd: true },
    { name: 'noInput', label: 'No input', mayEnd: true },
  ],
  summary: (c) => ({ code: 'survey', params: { count: c.questions.length } }),
  references: (c) =>
    mergeRefs(
      promptRefs('/config/intro', c.intro),
      promptRefs('/config/thanks', c.thanks),
      promptRefs('/config/noInputPrompt', c.noInputPrompt),
      promptRefs('/config/invalidPrompt', c.invalidPrompt),
      ...c.questions.map((q, i) => promptRefs(`/config/questions/${i}/prompt`, q.prompt)),
      {
        writes: c.questions.map((q, i) => ({ path: `/config/questions/${i}/variable`, name: q.variable })),
        waitsForCaller: true,
      },
    ),
  effects: ['collect', 'play'],
  callerReview: { destination: true },
  compile(c, compiler) {
    const intro = compiler.optionalPrompt(c.intro, '/config/intro');
    const thanks = compiler.optionalPrompt(c.thanks, '/config/thanks');
    const noInput = compiler.optionalPrompt(c.noInputPrompt, '/config/noInputPrompt');
    const invalid = compiler.optionalPrompt(c.invalidPrompt, '/config/invalidPrompt');
    const questions = c.questions.map((q, i) => ({
      ...q,
      prompts: { prompt: compiler.prompt(q.prompt, `/config/questions/${i}/prompt`), noInput, invalid },
    }));
    // The survey has no `invalid` port: answers out of range count as attempts and end by noInput.
    const ports = { noInput: 'noInput', invalid: 'noInput' };
    // call.index counts the answered questions; the step repeats only while one is left, so questions[call.index] exists.
    const steps: EffectStep[] = [
      effectStep<CollectRequest, CollectResult>({
        effect: 'collect',
        repeats: true,
        request: (call) =>
          singleKeyRequest(
            call,
            attemptPrompts(call, questions[call.index]!.prompts, call.index === 0 ? intro : undefined),
            c.timeoutSeconds,
          ),
        result(call, answer) {
          if (answer.kind === 'timeout' || answer.digits === '')
            return failAttempt(call, 'noInput', c.maxAttempts, ports);
          const q = questions[call.index]!;
          const rating = Number(answer.digits[0]);
          if (!(rating >= q.min && rating <= q.max)) return failAttempt(call, 'invalid', c.maxAttempts, ports);
          setVariable(call, q.variable, rating);
          call.index += 1;
          call.attempt = 0;
          call.failure = null;
          if (call.index < questions.length) return AGAIN;
          return thanks ? NEXT_STEP : 'done';
        },
      }),
    ];
    if (thanks) {
      steps.push(
        effectStep<PlayRequest, void>({
          effect: 'play',
          request: (call) => ({ node: call.node, prompt: thanks.render(call), bargeIn: false }),
          result: () => 'done',
        }),
      );
    }
    return { kind: 'effects', steps };
  },
});
