// The effect/driver contract: everything a compiled call flow asks of the outside world goes through CallDriver.

import type { QueueOutcome, TransferOutcome } from '../test-case';
import type { ScheduleDefinition } from '../schedule/schedule-config';
import type { RenderedPrompt } from './rendered-prompt';

export type { RenderedPrompt, PromptPiece, SayAsKind } from './rendered-prompt';

/** Names of the effects a compiled machine invokes; drivers supply one actor per name. */
export const effectNames = [
  'play',
  'collect',
  'recognize',
  'record',
  'http',
  'enqueue',
  'transfer',
  'scheduleCallback',
  'hangup',
  'now',
] as const;

export type EffectName = (typeof effectNames)[number];

/** Every request names the node asking (qualified as `subflowNode/innerNode` inside subflows). */
export interface EffectRequestBase {
  node: string;
}

export interface PlayRequest extends EffectRequestBase {
  prompt: RenderedPrompt;
  /** The caller may skip the prompt with any key. */
  bargeIn: boolean;
}

/** One DTMF attempt: play the prompts, then read digits until max, the terminator or the timeout. */
export interface CollectRequest extends EffectRequestBase {
  prompts: RenderedPrompt[];
  minDigits: number;
  maxDigits: number;
  /** Key that ends entry early, '' for none. */
  terminator: string;
  timeoutSeconds: number;
  /** Mask what was keyed in, and pause call recording while it is keyed in. */
  sensitive: boolean;
  /** 0 for the first attempt. */
  attempt: number;
}

export type CollectResult = { kind: 'digits'; digits: string } | { kind: 'timeout' };

/** One speech attempt; DTMF keys that select an intent are accepted too. */
export interface RecognizeRequest extends EffectRequestBase {
  prompts: RenderedPrompt[];
  timeoutSeconds: number;
  /** Phrases the recogniser may be primed with. */
  hints: string[];
  dtmfKeys: string[];
  attempt: number;
}

export type RecognizeResult = { kind: 'speech'; text: string } | { kind: 'dtmf'; digits: string } | { kind: 'timeout' };

export interface RecordRequest extends EffectRequestBase {
  prompts: RenderedPrompt[];
  purpose: 'voicemail' | 'message';
  /** Skill group key whose team picks up the message. */
  mailbox?: string;
  beep: boolean;
  maxSeconds: number;
  silenceSeconds: number;
}

export type RecordResult = { kind: 'recorded'; location: string; seconds: number } | { kind: 'silence' };

export interface HttpRequest extends EffectRequestBase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute URL, query string included. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutSeconds: number;
  /** The integration permits loopback / private addresses. */
  allowInternal: boolean;
}

export type HttpResult =
  | { kind: 'response'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'timeout' }
  | { kind: 'networkError'; message: string };

export interface EnqueueRequest extends EffectRequestBase {
  skillGroup: { key: string; name: string };
  /** 0 (normal) to 10 (most urgent). */
  priority: number;
  maxWaitSeconds: number;
  announcePosition: boolean;
  announceWaitTime: boolean;
  announceEverySeconds: number;
  holdMusic?: string;
  callbackOffer?: { afterSeconds: number; key: string; prompt?: RenderedPrompt };
  /** Played when the caller joins. */
  prompts: RenderedPrompt[];
}

export interface EnqueueResult {
  outcome: QueueOutcome;
  waitSeconds: number;
}

export interface TransferRequest extends EffectRequestBase {
  to: string;
  callerId: string;
  timeoutSeconds: number;
  /** Played before ringing. */
  prompts: RenderedPrompt[];
}

export interface TransferResult {
  outcome: TransferOutcome;
}

export interface CallbackRequest extends EffectRequestBase {
  number: string;
  skillGroup?: { key: string; name: string };
  when: 'asap' | 'nextOpen';
  /** Present for `nextOpen`: the driver books the first opening after its clock. */
  schedule?: ScheduleDefinition;
}

export interface CallbackResult {
  outcome: 'scheduled' | 'failed';
}

export interface HangupRequest extends EffectRequestBase {
  /** Goodbye played before hanging up. */
  prompts: RenderedPrompt[];
  reason: string;
  detail?: string;
}

/** What every effect receives besides its request: the driver's own per-call handle and a cancel signal. */
export interface EffectContext<Session> {
  session: Session;
  /** Aborted when the state that invoked the effect is left (a caller hangup, the call ending). */
  signal: AbortSignal;
}

/** A driver may answer synchronously (the simulator) or asynchronously (FreeSWITCH). */
export type EffectAnswer<T> = T | Promise<T>;

/**
 * The outside world of a call. One driver serves many calls; `Session` is the driver's per-call handle,
 * passed to the machine as input and handed back with every effect.
 * Throw CallerHangupError from any effect when the caller has gone.
 */
export interface CallDriver<Session = unknown> {
  /**
   * Every effect answers at once (never a promise) and never needs its abort signal. The machine then runs
   * the effects without starting an actor per effect (the simulator: several times faster per step).
   */
  readonly synchronous?: boolean;
  play(request: PlayRequest, context: EffectContext<Session>): EffectAnswer<void>;
  collect(request: CollectRequest, context: EffectContext<Session>): EffectAnswer<CollectResult>;
  recognize(request: RecognizeRequest, context: EffectContext<Session>): EffectAnswer<RecognizeResult>;
  record(request: RecordRequest, context: EffectContext<Session>): EffectAnswer<RecordResult>;
  http(request: HttpRequest, context: EffectContext<Session>): EffectAnswer<HttpResult>;
  enqueue(request: EnqueueRequest, context: EffectContext<Session>): EffectAnswer<EnqueueResult>;
  transfer(request: TransferRequest, context: EffectContext<Session>): EffectAnswer<TransferResult>;
  scheduleCallback(request: CallbackRequest, context: EffectContext<Session>): EffectAnswer<CallbackResult>;
  hangup(request: HangupRequest, context: EffectContext<Session>): EffectAnswer<void>;
  /** The call's clock (the simulator's is virtual). */
  now(request: EffectRequestBase, context: EffectContext<Session>): EffectAnswer<Date>;
}

/** Thrown by a driver's effect when the caller hung up during it; the call ends with reason callerHangup. */
export class CallerHangupError extends Error {
  constructor(message = 'The caller hung up.') {
    super(message);
    this.name = 'CallerHangupError';
  }
}

/** Thrown by the placeholder effects of a machine that was not given a driver. */
export class EffectNotProvidedError extends Error {
  constructor(readonly effect: EffectName) {
    super(`The effect "${effect}" was not provided: run the machine with a driver (bindDriver or machine.provide).`);
    this.name = 'EffectNotProvidedError';
  }
}

export type { QueueOutcome, TransferOutcome };
