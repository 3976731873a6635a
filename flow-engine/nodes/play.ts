// play: plays a prompt to the caller and moves on.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { prompt, promptRefs, promptSummary } from './shared-config';
import type { PlayRequest } from '../driver/call-driver';
import { effectStep } from '../compile/node-behaviour';

export const play = defineNode({
  type: 'play',
  category: 'interaction',
  title: 'Play prompt',
  description: 'Plays a prompt (text-to-speech, audio or a sequence with spoken values).',
  config: z.strictObject({
    prompt,
    /** Let the caller skip the prompt with any key. */
    bargeIn: z.boolean().default(false),
  }),
  ports: () => [{ name: 'next', label: 'Next', mayEnd: true }],
  summary: (c) => promptSummary(c.prompt),
  references: (c) => promptRefs('/config/prompt', c.prompt),
  effects: ['play'],
  compile(c, compiler) {
    const renderer = compiler.prompt(c.prompt, '/config/prompt');
    return {
      kind: 'effects',
      steps: [
        effectStep<PlayRequest, void>({
          effect: 'play',
          request: (call) => ({ node: call.node, prompt: renderer.render(call), bargeIn: c.bargeIn }),
          result: () => 'next',
        }),
      ],
    };
  },
});
