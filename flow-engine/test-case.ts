// Test cases (DESIGN.md §5): what `callflow test` runs and what `callflow simulate` builds from its flags.

export interface CallSetup {
  caller?: string;
  dialed?: string;
  /** ISO 8601 instant with offset, e.g. `2026-11-23T10:00:00+08:00`. */
  at?: string;
  language?: string;
}

/** A string is DTMF ("" is silence until the timeout); `say` is speech; `hangup` is the caller hanging up. */
export type CallerInput = string | { say: string } | { hangup: true };

/** One ending per request: a response (`status`/`body`/`headers`), `timeout` or `networkError` — see mockContradictions(). */
export interface HttpMock {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Simulate the request timing out (the `timeout` port) or failing at the network level (`error`). */
  timeout?: boolean;
  networkError?: boolean;
  /** Milliseconds before the answer arrives; at or past the node's `timeoutSeconds` the request times out instead. */
  delayMs?: number;
}

export type QueueOutcome = 'answered' | 'overflow' | 'noAgents' | 'callback';
export type TransferOutcome = 'answered' | 'busy' | 'noAnswer' | 'failed';

export interface QueueMock {
  outcome: QueueOutcome;
  /** Seconds before the outcome; `answered` must come within the queue's `maxWaitSeconds`. */
  waitSeconds?: number;
  /** Queue position announced to the caller when they join. */
  position?: number;
}

export interface TransferMock {
  outcome: TransferOutcome;
}

export interface CallbackMock {
  outcome: 'scheduled' | 'failed';
}

export interface RecordMock {
  /** Seconds of audio the caller leaves; 0 means silence (the `noInput` port). */
  seconds: number;
}

/**
 * Answers for effects that leave the call: keyed by the node id, or (queue) the skill group key.
 */
export interface Mocks {
  http?: Record<string, HttpMock>;
  queue?: Record<string, QueueMock>;
  transfer?: Record<string, TransferMock>;
  callback?: Record<string, CallbackMock>;
  record?: Record<string, RecordMock>;
}

/** The name of one mock table; a node type says which one answers it (`mocks.table` in its definition). */
export type MockTable = keyof Mocks;

/** Every table, checked complete by the type: the test-case format (DESIGN §5) names its tables after the effects they answer. */
const tableNames: Record<MockTable, true> = { http: true, queue: true, transfer: true, callback: true, record: true };

export const mockTables = Object.keys(tableNames) as MockTable[];

export interface TestExpectation {
  /** Ordered subsequence of visited node ids. */
  visits?: string[];
  /** Node id where the call ended. */
  end?: string;
  /** End reason, see EndReason. */
  reason?: string;
  /** Variables that must hold these values at the end (deep equality). */
  vars?: Record<string, unknown>;
}

export interface TestCase {
  name: string;
  call?: CallSetup;
  inputs?: CallerInput[];
  mocks?: Mocks;
  expect: TestExpectation;
}
