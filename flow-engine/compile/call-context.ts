// The per-call state a compiled machine carries, the input that starts a call and how it ends.

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

/** Told about every node visit, port taken and the end: the simulator's trace, the runtime's call events. */
export interface CallObserver {
  nodeEntered(node: string, type: string): void;
  portTaken(node: string, port: string): void;
  callEnded(end: CallEnd): void;
}

/** What starts one call of a compiled machine. */
export interface CallInput {
  call?: Partial<CallInfo>;
  /** The driver's handle for this call, handed back with every effect. */
  session?: unknown;
  observer?: CallObserver;
  /** Node visits before a runaway call is ended with reason error (default 10,000). */
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

export const defaultMaxSteps = 10_000;
