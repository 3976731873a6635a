// The effect/driver contract: everything a compiled call flow asks of the outside world goes through CallDriver.

import type { QueueOutcome, TransferOutcome } from '../test-case';
import type { ScheduleDefinition } from '../schedule/schedule-config';
import type { RenderedPrompt } from './rendered-prompt';

export type { RenderedPrompt, PromptPiece, SayAsKind } from './rendered-prompt';

/** Names of the effects a compiled machine invokes; drivers supply one actor per name. */
export const effectNames = [
  'answer',
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

/**
 * Asked once per call, first, by the flow's start node (`start.answer`; never by a subflow's start).
 * `earlyMedia: false`: answer the call (FreeSWITCH `answer`). `earlyMedia: true`: open early media only
 * (`pre_answer`): prompts and inputs work, the call stays unanswered (not billed) unless a transfer's far end
 * or a queue's agent answers it.
 */
export interface AnswerRequest extends EffectRequestBase {
  earlyMedia: boolean;
}

/**
 * Play one prompt, resolved to one language (`prompt.language`), its pieces in order. Resolves when it has been
 * played to its end or, with `bargeIn`, cut by a key (the key is discarded: rule 4).
 */
export interface PlayRequest extends EffectRequestBase {
  prompt: RenderedPrompt;
  /** The caller may skip the prompt with any key. */
  bargeIn: boolean;
}

/**
 * One DTMF attempt: play the prompts (a key interrupts them and counts as input), then read digits until
 * `maxDigits`, the terminator or `timeoutSeconds` of silence after the prompts. One try only: retries and their
 * prompts are the machine's (FreeSWITCH: play_and_get_digits with tries 1, after flush_dtmf).
 */
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

/**
 * `digits`: the keys read, in order, without the terminator and nothing after it (at most `maxDigits`; keys
 * pressed after the entry ended are discarded). A terminator alone is `digits: ''`. `timeout`: no key at all.
 * A driver checks nothing else: minDigits, patterns and retries are the machine's.
 */
export type CollectResult = { kind: 'digits'; digits: string } | { kind: 'timeout' };

/** One speech attempt; DTMF keys that select an intent are accepted too. */
export interface RecognizeRequest extends EffectRequestBase {
  prompts: RenderedPrompt[];
  timeoutSeconds: number;
  /** Phrases the recogniser may be primed with. */
  hints: string[];
  dtmfKeys: string[];
  /** What is said is stored in a sensitive variable: mask it in logs, pause call recording. */
  sensitive: boolean;
  attempt: number;
}

/** `speech`: the words recognised; `dtmf`: the key(s) pressed instead; `timeout`: nothing heard. */
export type RecognizeResult = { kind: 'speech'; text: string } | { kind: 'dtmf'; digits: string } | { kind: 'timeout' };

/**
 * Play the prompts, then the beep, then record until `maxSeconds`, `silenceSeconds` of silence or a key.
 * A caller hangup while recording is CallerHangupError (what was recorded is the driver's to keep or drop).
 */
export interface RecordRequest extends EffectRequestBase {
  prompts: RenderedPrompt[];
  purpose: 'voicemail' | 'message';
  /** Skill group key whose team picks up the message. */
  mailbox?: string;
  beep: boolean;
  maxSeconds: number;
  silenceSeconds: number;
}

/** `location`: where the recording is kept (file path or URL), stored into the node's variable. */
export type RecordResult = { kind: 'recorded'; location: string; seconds: number } | { kind: 'silence' };

/**
 * An HTTP call, already built from the flow (integration base URL joined, templates filled in). A runtime driver
 * looks the integration up by `integration` to inject its secrets (never carried here, never in events or logs)
 * and applies its address guard: internal addresses only when the integration allows them.
 */
export interface HttpRequest extends EffectRequestBase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute URL, query string included. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutSeconds: number;
  /** Key of the integration the node uses (`{ "ref": key }`); absent for a node with a plain URL. */
  integration?: string;
  /**
   * With `integration`: the node's rendered URL and query relative to the integration's base URL, which `url` joins
   * to the compile-time base. A driver that sends the request resolves this against its own environment's record of
   * the integration with `integrationUrl` (never `url` as given) and refuses what leaves that base.
   */
  relativeUrl?: string;
  /**
   * The integration permits loopback / private addresses, as the compile-time resources said; a runtime
   * re-reads it from its own integration record by `integration`. Always false without an integration.
   */
  allowInternal: boolean;
}

/**
 * `response`: any status (the machine decides which count as ok); `timeout`: no complete answer within
 * `timeoutSeconds`; `networkError`: refused, unreachable, DNS failure, blocked by the address guard.
 */
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

/**
 * How an answered bridge (a queue's agent, a transfer's far end) ended. Effects that bridge resolve only when the
 * bridge is over, so the machine (and analytics) see how the conversation ended.
 */
export interface BridgeEnd {
  /** `caller`: the caller hung up first; `other`: the agent / far end did. */
  endedBy: 'caller' | 'other';
  /** Seconds the two legs were connected. */
  talkSeconds: number;
}

/**
 * Resolves when the caller leaves the queue: `answered` only after the agent's leg has ended (with `bridge`);
 * `overflow` at `maxWaitSeconds`; `noAgents` when no agent is logged in; `callback` when the caller pressed the
 * offer key. `waitSeconds`: time in the queue before the outcome (before the agent answered).
 * A caller hangup while waiting is CallerHangupError; a caller hangup during the bridge is not an error: it
 * resolves `answered` with `bridge.endedBy: 'caller'`, and the machine ends the call as `queued` there.
 */
export type EnqueueResult =
  | { outcome: 'answered'; waitSeconds: number; bridge: BridgeEnd }
  | { outcome: Exclude<QueueOutcome, 'answered'>; waitSeconds: number };

export interface TransferRequest extends EffectRequestBase {
  to: string;
  callerId: string;
  timeoutSeconds: number;
  /** Played before ringing. */
  prompts: RenderedPrompt[];
}

/**
 * Resolves after the far leg ends: `answered` with `bridge` once the bridged conversation is over; otherwise how
 * ringing failed (FreeSWITCH hangup cause → `busy` USER_BUSY, `noAnswer` NO_ANSWER / ORIGINATOR_CANCEL at the
 * timeout, `failed` anything else). The caller's leg stays up after a failed attempt (`continue_on_fail`), so the
 * flow can go on. A caller hangup while ringing is CallerHangupError; during the bridge it resolves `answered`
 * with `bridge.endedBy: 'caller'` and the machine ends the call as `transferred` there.
 */
export type TransferResult =
  { outcome: 'answered'; bridge: BridgeEnd } | { outcome: Exclude<TransferOutcome, 'answered'> };

export interface CallbackRequest extends EffectRequestBase {
  number: string;
  skillGroup?: { key: string; name: string };
  when: 'asap' | 'nextOpen';
  /** Present for `nextOpen`: the driver books the first opening after its clock. */
  schedule?: ScheduleDefinition;
}

/** `scheduled` once the request is stored; `failed` when it could not be (the flow's `failed` port). */
export interface CallbackResult {
  outcome: 'scheduled' | 'failed';
}

/**
 * End the call: play the goodbye prompts to their end (no barge-in), then hang up. Asked for every ending except a
 * caller hangup and a bridge the caller ended; `reason` is the call's EndReason (FreeSWITCH cause:
 * NORMAL_CLEARING for `hangup`, a failure cause such as CALL_REJECTED for `error`).
 */
export interface HangupRequest extends EffectRequestBase {
  /** Goodbye played before hanging up. */
  prompts: RenderedPrompt[];
  reason: string;
  detail?: string;
}

/** What every effect receives besides its request: the driver's own per-call handle and a cancel signal. */
export interface EffectContext<Session> {
  session: Session;
  /**
   * Aborted when the state that invoked the effect is left before the effect answered: a caller hangup reported
   * by another path (`call.hangup` sent to the actor), the machine's watchdog, the actor being stopped. The
   * driver stops the effect's media and answers nothing more (an answer after abort is ignored).
   */
  signal: AbortSignal;
  /**
   * Runs `stop` once when `signal` aborts (at once if it already has), without making the signal: a driver that only
   * needs to stop its media uses this instead (an AbortSignal costs about as much as a machine transition). Returns
   * a function that removes `stop`.
   */
  onAbort(stop: () => void): () => void;
}

/** A driver may answer synchronously (the simulator) or asynchronously (FreeSWITCH). */
export type EffectAnswer<T> = T | Promise<T>;

/**
 * The outside world of a call. One driver serves many calls; `Session` is the driver's per-call handle,
 * passed to the machine as input and handed back with every effect.
 *
 * Rules every driver follows (test/flow-engine/driver/run-driver-contract.ts checks them on each driver):
 * 1. Answer or reject each effect once; the machine owns retries, timeouts and branch choice.
 * 2. The caller hanging up during an effect (a prompt, an input, a queue wait, ringing, a recording): throw or
 *    reject CallerHangupError. Exception: a hangup during an answered bridge (EnqueueResult, TransferResult).
 * 3. The effect's signal is aborted when the machine leaves the state (caller hangup, watchdog, actor stopped):
 *    stop what the effect is doing (FreeSWITCH: uuid_break) and answer nothing more.
 * 4. Type-ahead is flushed: keys pressed while a prompt that takes no input plays (play, the hangup goodbye,
 *    callback confirmation, queue and transfer announcements) are discarded and never reach the next input; a
 *    `bargeIn` play is cut by the key, which is discarded too. An input effect (collect, recognize) hears only
 *    keys pressed after it started, which interrupt its own prompts. FreeSWITCH: `flush_dtmf` before
 *    play_and_get_digits / play_and_detect_speech.
 * 5. Asynchronous answers are watched: the machine gives each effect effectWatchdogMs(effect, request, limits)
 *    (the request's own timeout plus a margin, or a per-effect maximum); a driver that has not answered by then
 *    sees its signal aborted and the call ends through the error path, the reason in the call's end detail.
 * 6. Errors other than CallerHangupError end the call with reason `error`, naming the node and effect.
 * 7. A caller hangup the runtime notices outside an effect's promise (between effects, on its ESL events) is sent
 *    to the actor as `{ type: 'call.hangup' }`: the pending effect's signal fires and the call ends callerHangup.
 * 8. The actor finishing ends the call for the driver. No `hangup` effect is asked after a caller hangup, nor when
 *    a call ends `queued` / `transferred` (the bridge is over): the runtime hangs up any leg still up then.
 */
export interface CallDriver<Session = unknown> {
  /**
   * Every effect answers at once (never a promise) and never needs its abort signal. The machine then runs
   * the effects without starting an actor per effect (the simulator: several times faster per step).
   */
  readonly synchronous?: boolean;
  answer(request: AnswerRequest, context: EffectContext<Session>): EffectAnswer<void>;
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
