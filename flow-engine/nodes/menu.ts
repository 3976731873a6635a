// menu: "press 1 for …": one port per key, plus noInput and invalid after the retries run out.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { inputOptions, inputPromptRefs, prompt, promptSummary } from './shared-config';
import type { CollectRequest, CollectResult } from '../driver/call-driver';
import { effectStep } from '../compile/node-behaviour';
import {
  attemptPrompts,
  compileAttemptPrompts,
  failAttempt,
  replayMenu,
  singleKeyRequest,
} from '../compile/input-attempts';

export const menuKey = z.string().regex(/^[0-9*#]$/, 'must be one key: 0-9, * or #');

/** The keys a menu offers, read from its config as written (an invalid draft is still reviewed). */
function optionKeys(config: unknown): { key: string; label?: string; repeat: boolean }[] {
  const options = (config as { options?: unknown } | undefined)?.options;
  if (!Array.isArray(options)) return [];
  return (options as ({ key?: unknown; label?: unknown; repeat?: unknown } | null)[]).flatMap((o) =>
    typeof o?.key === 'string'
      ? [{ key: o.key, ...(typeof o.label === 'string' ? { label: o.label } : {}), repeat: o.repeat === true }]
      : [],
  );
}

export const menu = defineNode({
  type: 'menu',
  category: 'interaction',
  title: 'Menu',
  description: 'Plays a menu and branches on the key the caller presses.',
  config: z.strictObject({
    prompt,
    options: z
      .array(
        z.strictObject({
          key: menuKey,
          label: z.string().max(200).optional(),
          // "Press 9 to hear these options again": the key replays the menu instead of leaving by a port.
          repeat: z.boolean().optional(),
        }),
      )
      .min(1)
      .max(12),
    ...inputOptions,
  }),
  ports: (c) => [
    ...c.options
      .filter((o) => !o.repeat)
      .map((o) => ({ name: o.key, label: o.label ? `${o.key} · ${o.label}` : o.key })),
    { name: 'noInput', label: 'No input' },
    { name: 'invalid', label: 'Invalid' },
  ],
  summary: (c) => `${c.options.map((o) => (o.repeat ? `${o.key}↺` : o.key)).join(' ')} — ${promptSummary(c.prompt)}`,
  references: (c) => inputPromptRefs(c),
  effects: ['collect'],
  uniqueItems: [{ list: 'options', field: 'key', what: 'key', namesPort: true }],
  callerReview: { choice: true, destination: true, keys: optionKeys },
  compile(c, compiler) {
    const prompts = compileAttemptPrompts(compiler, c);
    const keys = new Set(c.options.filter((o) => !o.repeat).map((o) => o.key));
    const repeatKeys = new Set(c.options.filter((o) => o.repeat).map((o) => o.key));
    return {
      kind: 'effects',
      steps: [
        effectStep<CollectRequest, CollectResult>({
          effect: 'collect',
          repeats: true,
          request: (call) => singleKeyRequest(call, attemptPrompts(call, prompts), c.timeoutSeconds),
          result(call, answer) {
            if (answer.kind === 'timeout' || answer.digits === '') return failAttempt(call, 'noInput', c.maxAttempts);
            const key = answer.digits.charAt(0);
            if (repeatKeys.has(key)) return replayMenu(call);
            return keys.has(key) ? key : failAttempt(call, 'invalid', c.maxAttempts);
          },
        }),
      ],
    };
  },
});
