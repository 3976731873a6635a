// One pass over a flow's nodes: each node becomes a state (logic → `always` routes, effects → invoke), subflows inline.

import { ZodError } from 'zod';
import type { FlowDocument } from '../document';
import type { EffectInput } from '../driver/effect-actors';
import { effectWatchdogMs } from '../driver/effect-watchdog';
import { getNodeDefinition } from '../nodes/index';
import { parseNodeConfig } from './parsed-config';
import type { CallContext, CallEnd } from './call-context';
import { CompileError } from './compile-error';
import { MAX_SUBFLOW_DEPTH } from './limits';
import type { CompilerServices } from './compiler-services';
import { AGAIN, END, NEXT_STEP, type EffectStep } from './node-behaviour';
import { ERROR_PORT, fault, type NodeRuntime } from './node-runtime';
import { effectAsked } from './observe-effect';
import { describedFunction, targetOf, type StateConfig, type TransitionConfig } from './state-config';

export const HANGUP_STATE = '$hangup';
export const END_STATE = '$end';
const RETURN_STATE = '$return';
/** How a subflow's port that may not end the call gets back to the caller (the same advice as validate's). */
export const RETURN_HINT =
  " In a subflow only ports that may end the call (such as a play node's next) return to the calling flow when left open; connect this one to such a node to return.";
/** Suffix of the state where an effect step waits for an asynchronous driver. */
const WAIT_SUFFIX = '$wait';

/** Routes every state shares live once on the machine root: XState checks ancestors' eventless transitions too. */
export const sharedRoutes: TransitionConfig[] = [
  { guard: { type: 'portIs', params: { port: ERROR_PORT } }, target: targetOf(HANGUP_STATE) },
  { guard: { type: 'portIs', params: { port: END } }, target: targetOf(END_STATE) },
];

const portIs = (port: string) => ({ type: 'portIs', params: { port } });
const touch = { type: 'touch' };

export interface FlowStates {
  initial: string;
  states: Record<string, StateConfig>;
}

/**
 * Build the states of one flow. `prefix` qualifies ids inside an inlined subflow (`identify/`); `returns` says
 * unconnected may-end ports go back to the calling subflow node instead of ending the call.
 */
export function buildFlowStates(
  flow: FlowDocument,
  prefix: string,
  returns: boolean,
  services: CompilerServices,
  depth = 0,
): FlowStates {
  const outgoing = new Map<string, Map<string, string>>();
  for (const edge of flow.edges) {
    let ports = outgoing.get(edge.source);
    if (!ports) outgoing.set(edge.source, (ports = new Map<string, string>()));
    ports.set(edge.port, edge.target);
  }
  const known = new Set(flow.nodes.map((n) => n.id));
  const states: Record<string, StateConfig> = {};
  let initial: string | undefined;

  for (const node of flow.nodes) {
    const id = prefix + node.id;
    const definition = getNodeDefinition(node.type);
    if (!definition) throw new CompileError(`Node "${id}" has the unknown type "${node.type}".`, id, '/type');
    if (node.type === 'start') {
      if (initial !== undefined) throw new CompileError(`The flow "${flow.id}" has more than one start node.`, id);
      initial = id;
    }
    let config: unknown;
    try {
      config = parseNodeConfig(definition, node);
    } catch (error) {
      if (error instanceof ZodError) {
        const [issue] = error.issues;
        if (issue)
          throw new CompileError(
            `Node "${id}" has an invalid setting at /config/${issue.path.join('/')}: ${issue.message}`,
            id,
            `/config/${issue.path.join('/')}`,
          );
      }
      throw error;
    }
    const behaviour = definition.compile(config, services.nodeCompiler(node, id));
    if (behaviour.kind === 'effects') {
      const undeclared = behaviour.steps.find((step) => !definition.effects.includes(step.effect));
      // A programming error in the node type, not in the flow: its definition must list every effect it invokes.
      if (undeclared)
        throw new Error(
          `The node type "${node.type}" invokes the effect "${undeclared.effect}" that its definition does not list in effects.`,
        );
    }
    const portSpecs = definition.ports(config);
    const endings = new Map<string, CallEnd>();
    // Ports that lead to the same state share one transition: fewer transitions to build and to check.
    const byTarget = new Map<string, string[]>();
    const exits = outgoing.get(node.id);
    for (const spec of portSpecs) {
      const target = exits?.get(spec.name);
      let to: string;
      if (target !== undefined && known.has(target)) {
        to = targetOf(prefix + target);
      } else if (spec.mayEnd && returns) {
        to = targetOf(prefix + RETURN_STATE);
      } else {
        const end: CallEnd = spec.mayEnd
          ? { node: id, reason: spec.endsAs ?? 'hangup' }
          : {
              node: id,
              reason: 'error',
              detail: `Node "${id}" left by the port "${spec.name}", which is not connected to any node.${returns ? RETURN_HINT : ''}`,
            };
        endings.set(spec.name, end);
        to = targetOf(end.reason === 'queued' || end.reason === 'transferred' ? END_STATE : HANGUP_STATE);
      }
      const ports = byTarget.get(to);
      if (ports) ports.push(spec.name);
      else byTarget.set(to, [spec.name]);
    }
    const routes: TransitionConfig[] = [];
    const self = targetOf(id);
    for (const [target, ports] of byTarget) {
      const [only] = ports;
      const guard = ports.length === 1 && only !== undefined ? portIs(only) : { type: 'portIn', params: { ports } };
      // A node leading back to itself must be left and entered again, or its entry (and invoke) would not rerun.
      routes.push(target === self ? { guard, target, reenter: true, actions: touch } : { guard, target });
    }

    const runtime: NodeRuntime = {
      id,
      type: node.type,
      behaviour,
      ports: new Set(portSpecs.map((p) => p.name)),
      endings,
      flat: behaviour.kind === 'effects' && behaviour.steps.length === 1,
    };
    services.table.set(id, runtime);
    const params = { node: id };
    // XState defers the machine's first entry actions until start(), after the state has already moved on
    // to waiting: the call's first state (the start node's first step) always takes the actor path.
    const first = depth === 0 && node.type === 'start';

    if (behaviour.kind === 'logic') {
      states[id] = { id, entry: { type: 'runLogic', params }, always: routes };
    } else if (behaviour.kind === 'subflow') {
      states[id] = subflowState(id, behaviour.key, routes, services, depth);
    } else if (behaviour.steps.length === 1 && behaviour.steps[0]) {
      const step = behaviour.steps[0];
      const waitId = `${id}${WAIT_SUFFIX}`;
      const again = step.repeats ? [{ guard: portIs(AGAIN), target: targetOf(id), reenter: true, actions: touch }] : [];
      const [main, wait] = effectStates(runtime, 0, step, 'node', [...routes, ...again], targetOf(waitId), !first);
      states[id] = { id, ...main };
      states[waitId] = { id: waitId, ...wait };
    } else {
      const steps: Record<string, StateConfig> = {};
      behaviour.steps.forEach((step, i) => {
        const key = `step${i}`;
        const stepRoutes: TransitionConfig[] = [...routes];
        if (step.repeats) stepRoutes.push({ guard: portIs(AGAIN), target: key, reenter: true, actions: touch });
        if (i + 1 < behaviour.steps.length) stepRoutes.push({ guard: portIs(NEXT_STEP), target: `step${i + 1}` });
        [steps[key], steps[`${key}${WAIT_SUFFIX}`]] = effectStates(
          runtime,
          i,
          step,
          'step',
          stepRoutes,
          `${key}${WAIT_SUFFIX}`,
          !(first && i === 0),
        );
      });
      states[id] = { id, entry: { type: 'enterNode', params }, initial: 'step0', states: steps };
    }
  }
  if (initial === undefined) throw new CompileError(`The flow "${flow.id}" has no start node.`);
  if (returns) states[prefix + RETURN_STATE] = { id: prefix + RETURN_STATE, type: 'final' };
  return { initial, states };
}

/**
 * One effect step as two states. The step's own state tries the effect on entry: a synchronous driver
 * answers there and the routes leave at once (one state, no actor). Otherwise the port stays null and the
 * step moves to its wait state, which invokes the driver's effect actor and leaves by the same routes.
 */
function effectStates(
  node: NodeRuntime,
  index: number,
  step: EffectStep,
  /** The state begins the node's visit (`node`) or one step of a multi-step node (`step`). */
  begins: 'node' | 'step',
  routes: TransitionConfig[],
  waitTarget: string,
  direct: boolean,
): [StateConfig, StateConfig] {
  const params = { node: node.id };
  const input = describedFunction(
    ({ context }: { context: CallContext }): EffectInput => {
      // A runaway call is being stopped: do not bother the driver.
      if (context.port === ERROR_PORT) return { request: undefined, session: context.session, skip: true };
      try {
        const request = step.request(context);
        effectAsked(context, step.effect, request);
        return {
          request,
          session: context.session,
          watchdogMs: effectWatchdogMs(step.effect, request, context.limits),
        };
      } catch (error) {
        // A template that cannot be filled in ends the call; the `$error` route leaves before the effect starts.
        fault(context, node, error);
        return { request: undefined, session: context.session, skip: true };
      }
    },
    { effect: step.effect, node: node.id, step: index },
  );
  const failed = { type: 'effectFailed', params: { ...params, effect: step.effect } };
  // From the wait state a retry goes back through the step's own state, which counts no new visit.
  const waitRoutes = routes.map((r) => (r.reenter ? { guard: r.guard, target: r.target } : r));
  return [
    {
      entry: direct
        ? { type: begins === 'node' ? 'runEffect' : 'runStep', params: { ...params, step: index } }
        : begins === 'node'
          ? { type: 'enterNode', params }
          : { type: 'beginStep' },
      always: [...routes, { guard: { type: 'awaiting' }, target: waitTarget }],
    },
    {
      invoke: { src: step.effect, input, onError: { actions: failed } },
      on: {
        'effect.done': { actions: { type: 'applyResult', params: { ...params, step: index } } },
        'effect.error': { actions: failed },
      },
      always: waitRoutes,
    },
  ];
}

function subflowState(
  id: string,
  key: string,
  routes: TransitionConfig[],
  services: CompilerServices,
  depth: number,
): StateConfig {
  const sub = services.resources.subflow(key);
  if (!sub)
    throw new CompileError(
      `Node "${id}" calls the subflow "${key}", which is not defined in the resources.`,
      id,
      '/config/flow',
    );
  if (services.subflowStack.includes(key)) {
    throw new CompileError(
      `Node "${id}" calls the subflow "${key}" from inside itself; subflows cannot call themselves.`,
      id,
      '/config/flow',
    );
  }
  if (depth >= MAX_SUBFLOW_DEPTH) {
    throw new CompileError(
      `Node "${id}" calls the subflow "${key}" ${depth + 1} levels deep; subflows may call subflows at most ${MAX_SUBFLOW_DEPTH} levels deep.`,
      id,
      '/config/flow',
    );
  }
  services.addVariables(sub);
  services.subflowStack.push(key);
  const inner = buildFlowStates(sub, `${id}/`, true, services, depth + 1);
  services.subflowStack.pop();
  // The subflow node has one port, `next`: its route (or ending) is taken when the inlined flow returns.
  const next = routes[0];
  if (!next) throw new Error(`subflow node "${id}": no route for its next port`);
  return {
    id,
    entry: { type: 'enterNode', params: { node: id } },
    initial: inner.initial,
    states: inner.states,
    onDone: { target: next.target, actions: { type: 'subflowReturned', params: { node: id } } },
  };
}
