// compile(flow): the flow document as one XState v5 machine — every node a state, every effect an invoked actor.

import type { FlowDocument } from '../document';
import { emptyResolver, type ResourceResolver } from '../resources';
import { END_STATE, HANGUP_STATE, buildFlowStates, sharedRoutes } from './build-states';
import { defaultMaxSteps, noObserver, type CallContext, type CallInput } from './call-context';
import { CompilerServices } from './compiler-services';
import { callMachineSetup, type CallMachine } from './machine-implementation';
import type { EffectName, HangupRequest } from '../driver/call-driver';
import { nodeDefinitions } from '../nodes/index';
import type { EffectInput } from '../driver/effect-actors';
import { defaultEffectLimits, effectWatchdogMs } from '../driver/effect-watchdog';
import { describedFunction, targetOf, type StateConfig } from './state-config';
import type { NodeRuntime } from './node-runtime';
import { MASK, SensitiveValues } from './sensitive-values';
import { flowsOf, taintedVariables } from './sensitive-taint';

export interface CompileOptions {
  resources?: ResourceResolver;
}

export interface CompiledFlow {
  readonly flow: FlowDocument;
  /** Run it with a driver: `bindDriver(compiled.machine, driver)` or `machine.provide({ actors })`. */
  readonly machine: CallMachine;
  /** The machine config as JSON (what `callflow compile` prints); built on first read. */
  readonly config: unknown;
  /** Every state's node id, subflow nodes qualified as `subflowNode/innerNode`. */
  readonly nodeIds: readonly string[];
  /** Variables the call has (the flow's and its subflows'), and those masked in traces and logs. */
  readonly variables: readonly string[];
  readonly sensitiveVariables: ReadonlySet<string>;
  /** The context a call of this machine starts with: what the machine builds from `input`, for code outside it. */
  createContext(input: CallInput): CallContext;
  /** The compiled node (its behaviour and ports) by qualified id, for code that runs one node's step outside a call. */
  node(id: string): NodeRuntime | undefined;
}

export const MACHINE_ID = 'callflow';

/** The effect the machine itself invokes when a call ends without a hangup of its own (its `$hangup` state). */
const END_OF_CALL_EFFECT = 'hangup' satisfies EffectName;

/** Every effect a compiled machine may invoke: those the node types list in their definitions, and the end-of-call hangup. */
export const machineEffects: readonly EffectName[] = [
  ...new Set<EffectName>([...Object.values(nodeDefinitions).flatMap((d) => d.effects), END_OF_CALL_EFFECT]),
];

/**
 * Compile a flow into an XState v5 machine. Throws CompileError (naming the node) when the flow cannot run.
 * Node configs already parsed by validate() (the same objects) are not parsed again.
 * @example
 * const { machine } = compile(flow, { resources: resolverFromBundle(bundle) });
 * const actor = createActor(bindDriver(machine, driver), { input: { call: { caller: '+8613800138000' }, session } });
 */
export function compile(flow: FlowDocument, options: CompileOptions = {}): CompiledFlow {
  const resources = options.resources ?? emptyResolver;
  const services = new CompilerServices(resources, flow.defaultLanguage);
  // Before any node compiles: prompts decide which of their holes to mask from the whole set.
  for (const name of taintedVariables(flowsOf(flow, resources))) services.sensitive.add(name);
  services.addVariables(flow);
  const { initial, states } = buildFlowStates(flow, '', false, services);

  const template: Record<string, unknown> = {};
  for (const [name, declaration] of services.variables) template[name] = declaration.default ?? null;
  const tainted: ReadonlySet<string> = services.sensitive;
  const taintedDefaults = [...tainted]
    .filter((name) => template[name] !== null && template[name] !== undefined)
    .map((name) => template[name]);
  // What `callflow compile` prints: sensitive defaults masked.
  const shownTemplate = Object.fromEntries(
    Object.entries(template).map(([k, v]) => [k, tainted.has(k) && v !== null ? MASK : v]),
  );
  const languages = new Set(flow.languages);
  const context = describedFunction(
    ({ input }: { input: CallInput }): CallContext => {
      const requested = input.call?.language;
      const language = requested && languages.has(requested) ? requested : flow.defaultLanguage;
      const call = {
        caller: input.call?.caller ?? '',
        dialed: input.call?.dialed ?? '',
        language,
        at: input.call?.at ?? '',
      };
      const sensitive = input.sensitive ?? new SensitiveValues();
      for (const value of taintedDefaults) sensitive.add(value);
      return {
        scope: { ...template, call },
        call,
        language,
        session: input.session,
        observer: input.observer ?? noObserver,
        node: initial,
        port: null,
        attempt: 0,
        failure: null,
        index: 0,
        again: false,
        steps: 0,
        maxSteps: input.maxSteps ?? defaultMaxSteps,
        limits: input.limits ? { ...defaultEffectLimits, ...input.limits } : defaultEffectLimits,
        request: undefined,
        waiting: null,
        end: null,
        tainted,
        sensitive,
      };
    },
    { variables: shownTemplate, language: flow.defaultLanguage },
  );

  const hangupInput = describedFunction(
    ({ context: call }: { context: CallContext }): EffectInput => {
      const end = call.end ?? { node: call.node, reason: 'hangup' };
      const request: HangupRequest = {
        node: end.node,
        prompts: [],
        reason: end.reason,
        ...(end.detail ? { detail: end.detail } : {}),
      };
      return { request, session: call.session, watchdogMs: effectWatchdogMs(END_OF_CALL_EFFECT, request, call.limits) };
    },
    { effect: END_OF_CALL_EFFECT, reason: 'from the end of the call' },
  );
  const toEnd = { target: targetOf(END_STATE) };
  states[HANGUP_STATE] = {
    id: HANGUP_STATE,
    // The port that led here must not match the root's routes again.
    entry: { type: 'clearPort' },
    invoke: { src: END_OF_CALL_EFFECT, input: hangupInput, onError: toEnd },
    on: { 'effect.done': toEnd, 'effect.error': toEnd, 'call.hangup': toEnd },
  };
  states[END_STATE] = { id: END_STATE, type: 'final', entry: { type: 'finishCall' } };

  const machineConfig = {
    id: MACHINE_ID,
    initial,
    context,
    states,
    on: { 'call.hangup': { target: targetOf(END_STATE), actions: { type: 'callerHangup' } } },
    always: sharedRoutes,
    output: describedFunction(({ context: call }: { context: CallContext }) => call.end, { from: 'context.end' }),
  };
  // The config is built from data the setup's actions and guards understand; XState's generic config type
  // cannot express that it was assembled at run time, hence the one cast.
  const machine = callMachineSetup(services.table).createMachine(machineConfig as never) as CallMachine;

  let json: unknown;
  return {
    flow,
    machine,
    get config() {
      json ??= JSON.parse(JSON.stringify(machineConfig));
      return json;
    },
    nodeIds: [...services.table.keys()],
    variables: [...services.variables.keys()],
    sensitiveVariables: services.sensitive,
    createContext: (input) => context({ input }),
    node: (id) => services.table.get(id),
  };
}

export type { StateConfig };
