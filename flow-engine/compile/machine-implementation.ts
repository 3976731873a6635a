// The named actions and guards of every compiled machine (setup()); they look nodes up in the compiled table.

import { assign, setup } from 'xstate';
import { CallerHangupError } from '../driver/call-driver';
import { placeholderActors, synchronousAnswerOf, type EffectEvent } from '../driver/effect-actors';
import type { CallContext, CallEnd, CallInput } from './call-context';
import { AGAIN, END } from './node-behaviour';
import { ERROR_PORT, beginVisit, fault, settle, type NodeRuntime } from './node-runtime';
import { callerHungUp, effectAnswered, effectAsked } from './observe-effect';

export type CallEvent = EffectEvent | { type: `xstate.error.actor.${string}`; error: unknown };

interface NodeParams {
  node: string;
}

/** The running actor's machine, as far as the direct effect path needs it (XState types `self` narrowly). */
interface RunningMachine {
  logic: { implementations: { actors: Record<string, unknown> } };
}

type StepParams = NodeParams & { step: number };

function enterNode(context: CallContext, node: NodeRuntime): void {
  if (context.again) {
    context.again = false;
    context.port = null;
    return;
  }
  beginVisit(context, node);
}

function beginStep(context: CallContext): void {
  if (context.port !== ERROR_PORT) context.port = null;
}

/**
 * An effect step on entry: a synchronous driver answers here and the port is chosen at once; otherwise
 * the port stays null and the step's `wait` state invokes the effect actor.
 */
function tryEffect(context: CallContext, node: NodeRuntime, index: number, self: unknown): void {
  if (context.port === ERROR_PORT || node.behaviour.kind !== 'effects') return;
  // The index is the one the state for this step was built with (build-states.ts), so the step exists.
  const step = node.behaviour.steps[index]!;
  const answer = synchronousAnswerOf((self as RunningMachine).logic.implementations.actors[step.effect]);
  if (!answer) return;
  let request: unknown;
  try {
    request = step.request(context);
    effectAsked(context, step.effect, request);
  } catch (error) {
    fault(context, node, error);
    return;
  }
  let output: unknown;
  try {
    output = answer(request, context.session);
  } catch (error) {
    if (error instanceof CallerHangupError) {
      callerHungUp(context);
      context.port = END;
      return;
    }
    fault(
      context,
      node,
      new Error(`the ${step.effect} effect failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return;
  }
  judge(context, node, index, output);
}

/** The node turns the effect's answer into a port; the observer hears what analytics need. */
function judge(context: CallContext, node: NodeRuntime, index: number, output: unknown): void {
  if (node.behaviour.kind !== 'effects') return;
  // The index is the one the state for this step was built with (build-states.ts), so the step exists.
  const step = node.behaviour.steps[index]!;
  const attempt = context.attempt;
  try {
    const port = step.result(context, output);
    effectAnswered(context, step.effect, output, attempt);
    if (port === AGAIN && node.flat) context.again = true;
    settle(context, node, port);
  } catch (error) {
    fault(context, node, error);
  }
}

/**
 * setup() for a flow: effects are placeholders until a driver provides them; actions mutate the call context
 * in place (see CallContext) and decide ports; the one guard routes on the chosen port.
 */
export function callMachineSetup(table: ReadonlyMap<string, NodeRuntime>) {
  const nodeOf = (id: string): NodeRuntime => table.get(id) as NodeRuntime;
  return setup({
    types: {} as { context: CallContext; input: CallInput; events: CallEvent; output: CallEnd | null },
    actors: placeholderActors,
    actions: {
      /** Entry of an effect or subflow node; a retry re-enters without counting a visit. */
      enterNode({ context }, params: NodeParams) {
        enterNode(context, nodeOf(params.node));
      },
      /** Entry of one effect step of a multi-step node. */
      beginStep({ context }) {
        beginStep(context);
      },
      /** Entry of a logic node: count the visit and choose the port at once. */
      runLogic({ context }, params: NodeParams) {
        const node = nodeOf(params.node);
        beginVisit(context, node);
        if (context.port === ERROR_PORT || node.behaviour.kind !== 'logic') return;
        try {
          settle(context, node, node.behaviour.decide(context));
        } catch (error) {
          fault(context, node, error);
        }
      },
      /*
       * Entry of a single-step effect node, and of one step of a multi-step node: one action each rather
       * than "enter" plus "try", since every action costs XState an executable-action record per step.
       */
      runEffect({ context, self }, params: StepParams) {
        const node = nodeOf(params.node);
        enterNode(context, node);
        tryEffect(context, node, params.step, self);
      },
      runStep({ context, self }, params: StepParams) {
        beginStep(context);
        tryEffect(context, nodeOf(params.node), params.step, self);
      },
      applyResult({ context, event }, params: StepParams) {
        if (event.type !== 'effect.done') return;
        judge(context, nodeOf(params.node), params.step, event.output);
      },
      effectFailed({ context, event }, params: NodeParams & { effect: string }) {
        const error = 'error' in event ? event.error : undefined;
        const message = error instanceof Error ? error.message : String(error);
        fault(context, nodeOf(params.node), new Error(`the ${params.effect} effect failed: ${message}`));
      },
      subflowReturned({ context }, params: NodeParams) {
        const node = nodeOf(params.node);
        context.node = node.id;
        settle(context, node, 'next');
      },
      /*
       * A state leading to itself: XState stops looking for eventless transitions when a microstep leaves the
       * same snapshot (same states, same context object), and the in-place context looks unchanged. A fresh
       * context object marks the step as a change.
       */
      touch: assign(() => ({})),
      clearPort({ context }) {
        context.port = null;
      },
      callerHangup({ context }) {
        callerHungUp(context);
      },
      finishCall({ context }) {
        if (context.end) context.observer.callEnded(context.end);
      },
    },
    guards: {
      portIs: ({ context }, params: { port: string }) => context.port === params.port,
      awaiting: ({ context }) => context.port === null,
      portIn: ({ context }, params: { ports: string[] }) =>
        context.port !== null && params.ports.includes(context.port),
    },
  });
}

export type CallMachineSetup = ReturnType<typeof callMachineSetup>;
export type CallMachine = ReturnType<CallMachineSetup['createMachine']>;
