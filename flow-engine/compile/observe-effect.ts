// Turns effect requests and answers into the observer's events: input outcomes (masked), queue and transfer results.

import type {
  CollectRequest,
  CollectResult,
  EffectName,
  EnqueueRequest,
  EnqueueResult,
  RecognizeRequest,
  RecognizeResult,
  TransferRequest,
  TransferResult,
} from '../driver/call-driver';
import { MASK } from '../simulator/simulated-call';
import type { CallContext, InputOutcome } from './call-context';

/** An effect is about to be asked: remember its request; a queue reports the caller joined. */
export function effectAsked(call: CallContext, effect: EffectName, request: unknown): void {
  call.request = request;
  if (effect === 'enqueue') {
    const r = request as EnqueueRequest;
    call.waiting = { kind: 'queue', node: r.node, skillGroup: r.skillGroup.key };
    call.observer.queueJoined?.({ node: r.node, skillGroup: r.skillGroup.key, priority: r.priority });
  } else if (effect === 'transfer') {
    call.waiting = { kind: 'transfer', node: (request as TransferRequest).node, to: (request as TransferRequest).to };
  }
}

/**
 * An effect was answered and the node judged it (`attemptBefore` is call.attempt before the judgement: a failed
 * attempt counts one more). Reports what analytics need.
 */
export function effectAnswered(call: CallContext, effect: EffectName, output: unknown, attemptBefore: number): void {
  const observer = call.observer;
  switch (effect) {
    case 'collect':
    case 'recognize': {
      if (!observer.inputOutcome) return;
      const request = call.request as CollectRequest | RecognizeRequest;
      const answer = output as CollectResult | RecognizeResult;
      const failed = call.attempt > attemptBefore;
      const event: InputOutcome = {
        node: request.node,
        attempt: attemptBefore,
        via: effect === 'recognize' && answer.kind !== 'dtmf' ? 'speech' : 'dtmf',
        outcome: failed ? (call.failure ?? 'invalid') : 'accepted',
      };
      const value =
        answer.kind === 'digits' || answer.kind === 'dtmf'
          ? answer.digits
          : answer.kind === 'speech'
            ? answer.text
            : '';
      if (value !== '') event.value = request.sensitive ? MASK : value;
      observer.inputOutcome(event);
      return;
    }
    case 'enqueue': {
      const request = call.request as EnqueueRequest;
      const answer = output as EnqueueResult;
      call.waiting = null;
      observer.queueLeft?.({
        node: request.node,
        skillGroup: request.skillGroup.key,
        outcome: answer.outcome,
        waitSeconds: answer.waitSeconds,
        ...(answer.outcome === 'answered' ? { bridge: answer.bridge } : {}),
      });
      return;
    }
    case 'transfer': {
      const request = call.request as TransferRequest;
      const answer = output as TransferResult;
      call.waiting = null;
      observer.transferEnded?.({
        node: request.node,
        to: request.to,
        outcome: answer.outcome,
        ...(answer.outcome === 'answered' ? { bridge: answer.bridge } : {}),
      });
      return;
    }
    default:
      return;
  }
}

/** The caller hung up during an effect: the call ends there; a queue wait or ringing is reported abandoned. */
export function callerHungUp(call: CallContext): void {
  call.end = { node: call.node, reason: 'callerHangup' };
  const waiting = call.waiting;
  if (!waiting) return;
  call.waiting = null;
  if (waiting.kind === 'queue')
    call.observer.queueLeft?.({ node: waiting.node, skillGroup: waiting.skillGroup, outcome: 'abandoned' });
  else call.observer.transferEnded?.({ node: waiting.node, to: waiting.to, outcome: 'abandoned' });
}
