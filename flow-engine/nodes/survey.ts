// survey: post-call satisfaction questions answered on the keypad (e.g. 1–5).

import { z } from 'zod';
import { defineNode } from '../define-node';
import { identifier, inputOptions, mergeRefs, prompt, promptRefs } from './shared-config';

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
  summary: (c) => `${c.questions.length} question${c.questions.length === 1 ? '' : 's'}`,
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
});
