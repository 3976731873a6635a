// Records a call's path, steps (with the port each node was left by) and end: a cheap mutable CallObserver.

import type { CallEnd, CallObserver } from '../compile/call-context';

export interface TraceStep {
  node: string;
  type: string;
  /** The port taken; null when the call ended in the node (hangup, caller hangup, error). */
  port: string | null;
}

export class TraceRecorder implements CallObserver {
  readonly path: string[] = [];
  readonly steps: TraceStep[] = [];
  end: CallEnd | null = null;

  nodeEntered(node: string, type: string): void {
    this.path.push(node);
    this.steps.push({ node, type, port: null });
  }

  portTaken(node: string, port: string): void {
    // The open step is the last one, except for a subflow node, whose inner steps come after it.
    const open = this.steps.findLast((step) => step.node === node && step.port === null);
    if (open) open.port = port;
  }

  callEnded(end: CallEnd): void {
    this.end = end;
  }
}
