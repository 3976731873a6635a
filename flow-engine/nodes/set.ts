// set: assigns variables from CEL expressions (and may switch the prompt language).

import * as z from 'zod';
import { defineNode } from '../define-node';
import { identifier } from './shared-config';
import { evaluate, setVariable, toPlain } from '../compile/call-scope';

export const set = defineNode({
  type: 'set',
  category: 'logic',
  title: 'Set variables',
  description: 'Assigns variables in order; later assignments see earlier ones.',
  config: z.strictObject({
    assignments: z
      .array(z.strictObject({ variable: identifier, value: z.string().min(1).max(2000) }))
      .max(50)
      .default([]),
    /** Switch the language of the following prompts, e.g. after "press 2 for English". */
    language: z.string().min(2).max(35).optional(),
  }),
  ports: () => [{ name: 'next', label: 'Next' }],
  summary: (c) =>
    [
      ...c.assignments.map((a) => `${a.variable} = ${a.value}`),
      ...(c.language ? [`language = ${c.language}`] : []),
    ].join('; '),
  references: (c) => ({
    expressions: c.assignments.map((a, i) => ({ path: `/config/assignments/${i}/value`, source: a.value })),
    writes: c.assignments.map((a, i) => ({
      path: `/config/assignments/${i}/variable`,
      name: a.variable,
      from: [`/config/assignments/${i}/value`],
    })),
    languages: c.language !== undefined ? [{ path: '/config/language', language: c.language }] : [],
  }),
  effects: [],
  assignsInOrder: true,
  compile(c, compiler) {
    const assignments = c.assignments.map((a, i) => ({
      variable: a.variable,
      value: compiler.expression(a.value, `/config/assignments/${i}/value`),
    }));
    const language = c.language;
    return {
      kind: 'logic',
      decide(call) {
        // In order: later assignments see earlier ones.
        for (const a of assignments) setVariable(call, a.variable, toPlain(evaluate(call, a.value)));
        if (language) {
          call.language = language;
          call.call.language = language;
        }
        return 'next';
      },
    };
  },
});
