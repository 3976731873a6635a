// What the tester sets up before and during a simulated call: call details and one mock draft per http / queue node.

import type { FlowNode } from '../../../../flow-engine/document';
import type { CallSetup, HttpMock, Mocks, QueueMock } from '../../../../flow-engine/test-case';
import { zonedInstant } from './zoned-instant';

/** An http node's answer: none (the simulator's "no mock" error), a mock, or the real integration through the server. */
export type HttpMockDraft =
  { mode: 'none' } | { mode: 'mock'; status: number; bodyText: string; delayMs: number } | { mode: 'real' };

/** A queue node's answer as the tester sees it: are agents logged in, how long the wait, how it ends. */
export interface QueueMockDraft {
  agentsAvailable: boolean;
  waitSeconds: number;
  outcome: 'answered' | 'overflow' | 'callback';
}

export interface CallDetails {
  caller: string;
  dialed: string;
  /** `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`. */
  localTime: string;
  timeZone: string;
  language: string;
}

export interface SimulationSetup {
  call: CallDetails;
  http: Record<string, HttpMockDraft>;
  /** Only queues the tester set: the others are answered at once, as in `callflow test`. */
  queue: Record<string, QueueMockDraft>;
}

/** Monday 5 January 2026, 10:00 in Shanghai: the simulator's default instant, so a new call behaves like `callflow test`. */
export function defaultSetup(language: string): SimulationSetup {
  return {
    call: {
      caller: '+8613800138000',
      dialed: '4008001234',
      localTime: '2026-01-05T10:00',
      timeZone: 'Asia/Shanghai',
      language,
    },
    http: {},
    queue: {},
  };
}

/** The test case's call setup: the instant written with its offset in the chosen zone. */
export function callSetupOf(details: CallDetails): CallSetup {
  return {
    ...(details.caller.trim() ? { caller: details.caller.trim() } : {}),
    ...(details.dialed.trim() ? { dialed: details.dialed.trim() } : {}),
    at: zonedInstant(details.localTime, details.timeZone),
    language: details.language,
  };
}

/** Why a mock draft cannot be used, per node id (a body that is not JSON). */
export type MockProblems = Record<string, 'bodyNotJson'>;

/**
 * The test-case mocks of the setup. `realAnswers` are the answers the real integrations gave during this call: they
 * become plain mocks, so the call replays (and is saved) exactly as it ran.
 */
export function mocksOf(
  setup: SimulationSetup,
  realAnswers: Readonly<Record<string, HttpMock>>,
): { mocks: Mocks; problems: MockProblems } {
  const problems: MockProblems = {};
  const http: Record<string, HttpMock> = {};
  for (const [node, draft] of Object.entries(setup.http)) {
    if (draft.mode === 'real') {
      const real = Object.hasOwn(realAnswers, node) ? realAnswers[node] : undefined;
      if (real) http[node] = real;
      continue;
    }
    if (draft.mode !== 'mock') continue;
    let body: unknown = null;
    if (draft.bodyText.trim()) {
      try {
        body = JSON.parse(draft.bodyText) as unknown;
      } catch {
        problems[node] = 'bodyNotJson';
        continue;
      }
    }
    http[node] = { status: draft.status, body, ...(draft.delayMs > 0 ? { delayMs: draft.delayMs } : {}) };
  }
  const queue: Record<string, QueueMock> = {};
  for (const [node, draft] of Object.entries(setup.queue)) {
    queue[node] = draft.agentsAvailable
      ? { outcome: draft.outcome, waitSeconds: draft.waitSeconds }
      : { outcome: 'noAgents', waitSeconds: 0 };
  }
  const mocks: Mocks = {
    ...(Object.keys(http).length > 0 ? { http } : {}),
    ...(Object.keys(queue).length > 0 ? { queue } : {}),
  };
  return { mocks, problems };
}

/** Http nodes the tester wants answered by the real integration and that have not answered yet in this call. */
export function realNodesPending(setup: SimulationSetup, realAnswers: Readonly<Record<string, HttpMock>>): Set<string> {
  return new Set(
    Object.entries(setup.http)
      .filter(([node, d]) => d.mode === 'real' && !Object.hasOwn(realAnswers, node))
      .map(([node]) => node),
  );
}

/** The integration key an http node calls, if any. */
export function integrationOf(node: FlowNode): string | undefined {
  const ref = (node.config as { integration?: { ref?: unknown } } | undefined)?.integration?.ref;
  return typeof ref === 'string' ? ref : undefined;
}
