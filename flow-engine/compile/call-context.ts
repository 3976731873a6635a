// The per-call state a compiled machine carries, the input that starts a call and how it ends.

import type { BridgeEnd, QueueOutcome, TransferOutcome } from '../driver/call-driver';
import type { EffectLimits } from '../driver/effect-watchdog';
import type { SensitiveValues } from './sensitive-values';

/** Why a call ended (DESIGN §5). */
export type EndReason = 'hangup' | 'callerHangup' | 'transferred' | 'queued' | 'error';

export interface CallEnd {
  /** Node id where the call ended (`subflowNode/innerNode` inside a subflow). */
  node: string;
  reason: EndReason;
  detail?: string;
}

/** The built-in `call` variable. */
export interface CallInfo {
  caller: string;
  dialed: string;
  language: string;
  /** ISO 8601 instant the call started. */
  at: string;
}

/** One judged input attempt: a menu key, a collect entry, a speech answer, a survey rating. */
export interface InputOutcome {
  node: string;
  /** 0 for the first attempt at this question. */
  attempt: number;
  via: 'dtmf' | 'speech';
  /** `accepted`: the node took the input (its port, or the next survey question); otherwise the failure kind. */
  outcome: 'accepted' | 'noInput' | 'invalid';
  /** What the caller keyed or said, `••••` when it is sensitive; absent when nothing came. */
  value?: string;
}

export interface QueueJoined {
  node: string;
  skillGroup: string;
  priority: number;
}

export interface QueueLeft {
  node: string;
  skillGroup: string;
  /** `abandoned`: the caller hung up while waiting. */
  outcome: QueueOutcome | 'abandoned';
  /** Seconds waited before the outcome, as the driver measured it (absent when abandoned). */
  waitSeconds?: number;
  /** How the conversation with the agent ended (answered only). */
  bridge?: BridgeEnd;
}

export interface TransferEnded {
  node: string;
  to: string;
  /** `abandoned`: the caller hung up while it rang. */
  outcome: TransferOutcome | 'abandoned';
  bridge?: BridgeEnd;
}

/**
 * Told what a call does (DESIGN §7): every node visit, port taken, judged input (masked), queue joined and
 * left, transfer result and the end. The simulator's trace, the runtime's call events. Calls come in order,
 * synchronously from the machine: an observer must not throw and should not block.
 */
export interface CallObserver {
  nodeEntered(node: string, type: string): void;
  portTaken(node: string, port: string): void;
  inputOutcome?(event: InputOutcome): void;
  queueJoined?(event: QueueJoined): void;
  queueLeft?(event: QueueLeft): void;
  transferEnded?(event: TransferEnded): void;
  callEnded(end: CallEnd): void;
}

/** What starts one call of a compiled machine. */
export interface CallInput {
  call?: Partial<CallInfo>;
  /** The driver's handle for this call, handed back with every effect. */
  session?: unknown;
  observer?: CallObserver;
  /** The watchdog's allowances (defaultEffectLimits for those not given). */
  limits?: Partial<EffectLimits>;
  /** Node visits before a runaway call is ended with reason error (default defaultMaxSteps). */
  maxSteps?: number;
  /** Collects the call's sensitive values; pass your own to mask the driver's logs and events with it. */
  sensitive?: SensitiveValues;
}

/**
 * Mutable on purpose: actions update it in place instead of copying the context per step, which keeps a
 * call small and a step cheap. Nothing outside the machine's actions writes to it.
 */
export interface CallContext {
  /** Declared variables (null when unset) plus `call`: the scope expressions and templates see. */
  scope: Record<string, unknown>;
  call: CallInfo;
  language: string;
  session: unknown;
  observer: CallObserver;
  /** The node being run and the port it chose (or `$again`, `$next`, `$error`, `$end`). */
  node: string;
  port: string | null;
  /** Input attempts made at the current node, the last failure kind, the question being asked. */
  attempt: number;
  failure: 'noInput' | 'invalid' | null;
  index: number;
  /** The current node re-runs its effect (a retry): its entry must not count a new visit. */
  again: boolean;
  limits: EffectLimits;
  /** The request of the effect under way (or last answered): what the observer reports needs it. */
  request: unknown;
  /** A queue or transfer waiting for its outcome: reported as abandoned if the caller hangs up. */
  waiting: { kind: 'queue'; node: string; skillGroup: string } | { kind: 'transfer'; node: string; to: string } | null;
  steps: number;
  maxSteps: number;
  end: CallEnd | null;
  /** Variables holding sensitive data (declared, keyed at a sensitive collect, or computed from those). */
  tainted: ReadonlySet<string>;
  /** Every sensitive value the call has seen, to mask whatever leaves the engine. */
  sensitive: SensitiveValues;
}

export const noObserver: CallObserver = {
  nodeEntered() {},
  portTaken() {},
  callEnded() {},
};

/**
 * The step limit: node visits before a runaway call is ended with reason error. The one default for every place a
 * call runs — the simulator (`callflow simulate`/`test`, the studio) and the runtime (`CALLFLOW_MAX_STEPS` defaults to
 * it) — so a looping call ends at the same node on a line as in a test; validate's idle-loop warning quotes it.
 */
export const defaultMaxSteps = 10_000;
