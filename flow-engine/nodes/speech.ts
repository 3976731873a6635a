// speech: asks an open question and branches on the recognised intent.

import { z } from 'zod';
import { defineNode } from '../define-node';
import { identifier, inputOptions, inputPromptRefs, mergeRefs, portName, prompt, promptSummary } from './shared-config';

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
          dtmf: z.string().regex(/^[0-9*#]$/).optional(),
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
});
