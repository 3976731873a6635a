// record: voicemail or a recorded message; the recording's location goes into a variable.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { identifier, mergeRefs, prompt, promptRefs, promptSummary, resourceRef } from './shared-config';
import type { RecordRequest, RecordResult } from '../driver/call-driver';
import { effectStep } from '../compile/node-behaviour';
import { setVariable } from '../compile/call-scope';

export const record = defineNode({
  type: 'record',
  category: 'interaction',
  title: 'Record / voicemail',
  description: 'Records the caller (voicemail, a message for the team) after a beep.',
  config: z.strictObject({
    prompt: prompt.optional(),
    purpose: z.enum(['voicemail', 'message']).default('voicemail'),
    /** Voicemail box, a skill group key whose team picks up the messages. */
    mailbox: resourceRef.optional(),
    maxSeconds: z.number().int().min(1).max(3600).default(120),
    /** Seconds of silence that end the recording. */
    silenceSeconds: z.number().int().min(1).max(60).default(5),
    beep: z.boolean().default(true),
    /** Receives the recording's location. */
    variable: identifier.optional(),
  }),
  ports: () => [
    { name: 'recorded', label: 'Recorded', mayEnd: true },
    { name: 'noInput', label: 'Nothing recorded' },
  ],
  summary: (c) => `${c.purpose}${c.mailbox ? ` → ${c.mailbox.ref}` : ''} ${promptSummary(c.prompt)}`.trim(),
  references: (c) =>
    mergeRefs(promptRefs('/config/prompt', c.prompt), {
      resources: c.mailbox ? [{ path: '/config/mailbox', kind: 'skillGroup', key: c.mailbox.ref }] : [],
      // No waitsForCaller: a recording ends by itself on silence and the caller chooses nothing, so a loop
      // through it (record → noInput → record) can repeat without any caller input.
      writes: c.variable ? [{ path: '/config/variable', name: c.variable }] : [],
    }),
  effects: ['record'],
  mocks: { table: 'record' },
  callerReview: { destination: true, settings: { routing: ['mailbox'] } },
  compile(c, compiler) {
    const renderer = compiler.optionalPrompt(c.prompt, '/config/prompt');
    return {
      kind: 'effects',
      steps: [
        effectStep<RecordRequest, RecordResult>({
          effect: 'record',
          request: (call) => ({
            node: call.node,
            prompts: renderer ? [renderer.render(call)] : [],
            purpose: c.purpose,
            ...(c.mailbox ? { mailbox: c.mailbox.ref } : {}),
            beep: c.beep,
            maxSeconds: c.maxSeconds,
            silenceSeconds: c.silenceSeconds,
          }),
          result(call, answer) {
            if (answer.kind === 'silence') return 'noInput';
            if (c.variable) setVariable(call, c.variable, answer.location);
            return 'recorded';
          },
        }),
      ],
    };
  },
});
