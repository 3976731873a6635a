// How long the machine waits for a driver's answer to an effect before it ends the call (the watchdog).

import type {
  CollectRequest,
  EffectName,
  EnqueueRequest,
  HttpRequest,
  RecognizeRequest,
  RecordRequest,
  TransferRequest,
} from './call-driver';

/** The watchdog's allowances, per call (CallInput.limits); tests use small ones. */
export interface EffectLimits {
  /** Added to a request's own time limit (HTTP timeout, digit timeout, queue max wait, ringing, recording). */
  marginMs: number;
  /** Prompts played by the effect before it waits (an input's prompts, a queue's join prompt, the goodbye). */
  promptMs: number;
  /** An answered bridge: a queue's or transfer's conversation (the effect resolves when it ends). */
  bridgeMs: number;
  /** Effects with no time of their own: answer, now, scheduleCallback. */
  quickMs: number;
}

export const defaultEffectLimits: EffectLimits = {
  marginMs: 10_000,
  promptMs: 5 * 60_000,
  bridgeMs: 4 * 60 * 60_000,
  quickMs: 30_000,
};

const seconds = (s: number) => s * 1000;

/**
 * Milliseconds the machine gives a driver to answer one effect: the request's own limit plus the margin, or the
 * per-effect maximum when the request has none.
 * @example
 * effectWatchdogMs('http', { timeoutSeconds: 5, ... }, defaultEffectLimits); // 15_000
 */
export function effectWatchdogMs(effect: EffectName, request: unknown, limits: EffectLimits): number {
  switch (effect) {
    case 'answer':
    case 'now':
    case 'scheduleCallback':
      return limits.quickMs;
    case 'play':
    case 'hangup':
      return limits.promptMs + limits.marginMs;
    case 'collect':
    case 'recognize':
      return limits.promptMs + seconds((request as CollectRequest | RecognizeRequest).timeoutSeconds) + limits.marginMs;
    case 'record':
      return limits.promptMs + seconds((request as RecordRequest).maxSeconds) + limits.marginMs;
    case 'http':
      return seconds((request as HttpRequest).timeoutSeconds) + limits.marginMs;
    case 'enqueue':
      return limits.promptMs + seconds((request as EnqueueRequest).maxWaitSeconds) + limits.bridgeMs + limits.marginMs;
    case 'transfer':
      return limits.promptMs + seconds((request as TransferRequest).timeoutSeconds) + limits.bridgeMs + limits.marginMs;
  }
}

/** The error an unanswered effect fails with; the call ends with reason error and this message in its detail. */
export class EffectWatchdogError extends Error {
  constructor(
    readonly effect: EffectName,
    readonly waitedMs: number,
  ) {
    super(`the driver did not answer within ${waitedMs / 1000} s (the machine's watchdog ended the call)`);
    this.name = 'EffectWatchdogError';
  }
}
