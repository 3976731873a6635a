// Retry bookkeeping shared by menu, collect, speech and survey: which prompts an attempt plays and when to give up.

import type { CollectRequest } from '../driver/call-driver';
import type { RenderedPrompt } from '../driver/rendered-prompt';
import type { Prompt } from '../nodes/shared-config';
import type { CallContext } from './call-context';
import { AGAIN } from './node-behaviour';
import { countStep, ERROR_PORT } from './node-runtime';
import type { NodeCompiler } from './node-compiler';
import type { PromptRenderer } from './prompt-renderer';

export interface AttemptPrompts {
  prompt?: PromptRenderer;
  noInput?: PromptRenderer;
  invalid?: PromptRenderer;
}

/** Compile an input node's `prompt`, `noInputPrompt` and `invalidPrompt` (the config fields every input node shares). */
export function compileAttemptPrompts(
  compiler: NodeCompiler,
  config: { prompt: Prompt; noInputPrompt?: Prompt; invalidPrompt?: Prompt },
): AttemptPrompts {
  return {
    prompt: compiler.prompt(config.prompt, '/config/prompt'),
    noInput: compiler.optionalPrompt(config.noInputPrompt, '/config/noInputPrompt'),
    invalid: compiler.optionalPrompt(config.invalidPrompt, '/config/invalidPrompt'),
  };
}

/**
 * First attempt: the prompt. A retry: the noInput / invalid prompt for the last failure, then the prompt again.
 * A replay the caller asked for (failure null after a repeat key): the prompt alone.
 */
export function attemptPrompts(call: CallContext, prompts: AttemptPrompts, lead?: PromptRenderer): RenderedPrompt[] {
  const out: RenderedPrompt[] = [];
  if (call.attempt > 0) {
    const retry =
      call.failure === 'noInput' ? prompts.noInput : call.failure === 'invalid' ? prompts.invalid : undefined;
    if (retry) out.push(retry.render(call));
  } else if (lead) {
    out.push(lead.render(call));
  }
  if (prompts.prompt) out.push(prompts.prompt.render(call));
  return out;
}

/** A keypad attempt that waits for one key (menus, survey ratings); never sensitive, no terminator. */
export function singleKeyRequest(call: CallContext, prompts: RenderedPrompt[], timeoutSeconds: number): CollectRequest {
  return {
    node: call.node,
    prompts,
    minDigits: 1,
    maxDigits: 1,
    terminator: '',
    timeoutSeconds,
    sensitive: false,
    attempt: call.attempt,
  };
}

/**
 * Count a failed attempt. Returns AGAIN while attempts remain, else the port for the last failure kind
 * (`ports` maps the kind to the node's port, e.g. speech's `invalid` is `noMatch`).
 */
export function failAttempt(
  call: CallContext,
  kind: 'noInput' | 'invalid',
  maxAttempts: number,
  ports: { noInput: string; invalid: string } = { noInput: 'noInput', invalid: 'invalid' },
): string {
  call.failure = kind;
  call.attempt += 1;
  return call.attempt < maxAttempts ? AGAIN : ports[kind];
}

/**
 * The caller pressed a menu's "repeat" key: play the menu again without using up an attempt, as a real IVR does.
 * Each replay counts as a step, so a caller (or a stuck key) repeating forever is still ended by the step limit.
 */
export function replayMenu(call: CallContext): string {
  call.failure = null;
  return countStep(call, call.node) ? AGAIN : ERROR_PORT;
}
