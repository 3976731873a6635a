// Public API of compile: flow → XState machine, the call's context/input/end types, node behaviour types.

export { compile, machineEffects, MACHINE_ID, type CompiledFlow, type CompileOptions } from './compile';
export { CompileError, NodeFault } from './compile-error';
export {
  defaultMaxSteps,
  noObserver,
  type CallContext,
  type CallEnd,
  type CallInfo,
  type CallInput,
  type CallObserver,
  type EndReason,
  type InputOutcome,
  type QueueJoined,
  type QueueLeft,
  type TransferEnded,
} from './call-context';
export type { CallMachine, CallEvent } from './machine-implementation';
export {
  AGAIN,
  END,
  NEXT_STEP,
  effectStep,
  endedByCaller,
  type EffectBehaviour,
  type EffectStep,
  type LogicBehaviour,
  type NodeBehaviour,
  type SubflowBehaviour,
} from './node-behaviour';
export type { NodeCompiler } from './node-compiler';
export type { PromptRenderer } from './prompt-renderer';
export { MASK, SensitiveValues } from './sensitive-values';
export { flowsOf, taintedVariables } from './sensitive-taint';
export { MAX_SUBFLOW_DEPTH } from './limits';
export {
  renderHttpRequest,
  HttpRequestError,
  type HttpRequestProblem,
  type HttpRequestSetup,
} from './render-http-request';
