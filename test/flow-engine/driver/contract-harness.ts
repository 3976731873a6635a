// What a driver's harness gives the contract, and how the contract runs one call through it and records everything.

import { createActor, toPromise } from 'xstate';
import {
  compile,
  type CallEnd,
  type CallObserver,
  type InputOutcome,
  type QueueJoined,
  type QueueLeft,
  type TransferEnded,
} from '../../../flow-engine/compile';
import {
  bindDriver,
  effectNames,
  type CallDriver,
  type EffectContext,
  type EffectLimits,
  type EffectName,
} from '../../../flow-engine/driver';
import type { FlowDocument } from '../../../flow-engine/document';
import type { ResourceResolver } from '../../../flow-engine/resources';
import type { LineEvent } from '../../../flow-engine/simulator';
import type { CallerInput, CallSetup, Mocks } from '../../../flow-engine/test-case';

export type { LineEvent };

/**
 * What the caller does and what the outside world answers; the harness plays it out (the simulator reads it
 * directly; a FreeSWITCH harness turns it into ESL events, DTMF, bridge outcomes and HTTP answers).
 */
export interface DriverScript {
  /** `at` starts the call's clock (the driver's `now` counts from it). */
  call: CallSetup;
  /** As in a test case: one per input attempt; `{ hangup: true }` also while waiting (record, queue, ringing). */
  inputs: CallerInput[];
  mocks: Mocks;
  /** Keys pressed while the prompt of a node that takes no input plays (node id → keys). */
  keysDuringPrompt?: Record<string, string>;
  /** The caller hangs up during this node's prompt (play) or its answered bridge (queue, transfer). */
  hangup?: { node: string; during: 'prompt' | 'bridge' };
}

/** One call the harness set up for the contract. */
export interface ContractCall<Session> {
  /** The machine's input `session`. */
  session: Session;
  /** What the line did (answer, pieces played, recordings started, hangup), read once the call has ended. */
  line(): LineEvent[] | Promise<LineEvent[]>;
}

/** A driver under test with its surroundings, made fresh for each contract case. */
export interface DriverHarness<Session> {
  /** One driver serves every call of the case (some cases run several calls at once). */
  driver: CallDriver<Session>;
  /** Set up a call that behaves as `script` says. */
  call(script: DriverScript): ContractCall<Session> | Promise<ContractCall<Session>>;
  /** After the case, passed or failed: close sockets and servers, check for leaks. */
  teardown?(): void | Promise<void>;
}

export interface DriverContractOptions<Session> {
  newDriver(): DriverHarness<Session> | Promise<DriverHarness<Session>>;
  /** The machine's watchdog for every call (defaults otherwise). */
  limits?: Partial<EffectLimits>;
}

export interface AskedEffect {
  effect: EffectName;
  request: Record<string, unknown>;
}

export type ObservedEvent =
  | { kind: 'nodeEntered'; node: string; type: string }
  | { kind: 'portTaken'; node: string; port: string }
  | ({ kind: 'inputOutcome' } & InputOutcome)
  | ({ kind: 'queueJoined' } & QueueJoined)
  | ({ kind: 'queueLeft' } & QueueLeft)
  | ({ kind: 'transferEnded' } & TransferEnded)
  | { kind: 'callEnded'; end: CallEnd };

export interface ContractRun {
  end: CallEnd;
  /** Ports taken, in order. */
  steps: { node: string; port: string }[];
  /** Every observer event, in order. */
  events: ObservedEvent[];
  /** Every effect the driver was asked, in order, with its request. */
  asked: AskedEffect[];
  line: LineEvent[];
  /** Variables at the end. */
  vars: Record<string, unknown>;
}

export function recordingObserver(events: ObservedEvent[]): CallObserver {
  return {
    nodeEntered: (node, type) => events.push({ kind: 'nodeEntered', node, type }),
    portTaken: (node, port) => events.push({ kind: 'portTaken', node, port }),
    inputOutcome: (e) => events.push({ kind: 'inputOutcome', ...e }),
    queueJoined: (e) => events.push({ kind: 'queueJoined', ...e }),
    queueLeft: (e) => events.push({ kind: 'queueLeft', ...e }),
    transferEnded: (e) => events.push({ kind: 'transferEnded', ...e }),
    callEnded: (end) => events.push({ kind: 'callEnded', end }),
  };
}

type AnyEffect = (request: unknown, context: EffectContext<unknown>) => unknown;

/** Changes the contract makes to a driver for one case (a failing effect, a captured signal). */
export type EffectOverride = (
  effect: EffectName,
  request: unknown,
  context: EffectContext<unknown>,
  next: () => unknown,
) => unknown;

/**
 * The harness's driver with every request recorded per session (calls run concurrently on one driver).
 * Methods are called on the driver itself, so class-based drivers keep `this`.
 */
export function recordingDriver<Session>(
  driver: CallDriver<Session>,
  asked: Map<unknown, AskedEffect[]>,
  override?: EffectOverride,
): CallDriver<Session> {
  const wrapped: Record<string, unknown> = { synchronous: driver.synchronous };
  for (const name of effectNames) {
    const effect = driver[name] as unknown as AnyEffect;
    wrapped[name] = (request: unknown, context: EffectContext<unknown>) => {
      let list = asked.get(context.session);
      if (!list) asked.set(context.session, (list = []));
      list.push({ effect: name, request: request as Record<string, unknown> });
      const next = () => effect.call(driver, request, context);
      return override ? override(name, request, context, next) : next();
    };
  }
  return wrapped as unknown as CallDriver<Session>;
}

const defaultCall: CallSetup = { caller: '+8613800138000', dialed: '4008001234', at: '2026-11-23T10:00:00+08:00' };

export function fullScript(script: Partial<DriverScript>): DriverScript {
  return {
    ...script,
    call: { ...defaultCall, ...script.call },
    inputs: script.inputs ?? [],
    mocks: script.mocks ?? {},
  };
}

export interface CaseTools<Session> {
  harness: DriverHarness<Session>;
  limits?: Partial<EffectLimits>;
  resources: ResourceResolver;
}

/**
 * Run one call of `flow` through the harness to its end and record what happened.
 * `during` runs right after the actor started (e.g. to send it events while an effect is pending).
 */
export async function runCall<Session>(
  tools: CaseTools<Session>,
  flow: FlowDocument,
  script: Partial<DriverScript>,
  options: {
    override?: EffectOverride;
    during?: (actor: { send(event: { type: 'call.hangup' }): void }) => void | Promise<void>;
  } = {},
): Promise<ContractRun> {
  const full = fullScript(script);
  const call = await tools.harness.call(full);
  const asked = new Map<unknown, AskedEffect[]>();
  const events: ObservedEvent[] = [];
  const compiled = compile(flow, { resources: tools.resources });
  const driver = recordingDriver(tools.harness.driver, asked, options.override);
  const actor = createActor(bindDriver(compiled.machine, driver), {
    input: { call: full.call, session: call.session, observer: recordingObserver(events), limits: tools.limits },
  });
  actor.start();
  await options.during?.(actor);
  const end = (await toPromise(actor)) as CallEnd;
  const scope = actor.getSnapshot().context.scope;
  const vars: Record<string, unknown> = {};
  for (const name of compiled.variables) vars[name] = scope[name];
  const steps = events.flatMap((e) => (e.kind === 'portTaken' ? [{ node: e.node, port: e.port }] : []));
  return { end, steps, events, asked: asked.get(call.session) ?? [], line: await call.line(), vars };
}

/** The requests of one effect, in order. */
export const requestsOf = (run: ContractRun, effect: EffectName) =>
  run.asked.filter((a) => a.effect === effect).map((a) => a.request);

/** The port a node was left by (the first time). */
export const portOf = (run: ContractRun, node: string) => run.steps.find((s) => s.node === node)?.port;

/** The text of each piece played, in order. */
export const playedTexts = (run: ContractRun) => run.line.flatMap((e) => (e.kind === 'play' ? [e.text] : []));
