// One call from connect to close: find the line, run the published version's machine on the FreeSWITCH driver, record events.

import { randomUUID } from 'node:crypto';
import { createActor } from 'xstate';
import type {
  CallContext,
  CallEnd,
  CallObserver,
  InputOutcome,
  QueueJoined,
  QueueLeft,
  TransferEnded,
} from '../../flow-engine/compile';
import type { CallEndReason } from '../../schemas/db';
import type { FreeSwitchDriver, FreeSwitchSession } from '../driver/freeswitch-driver';
import * as fs from '../esl/commands';
import { CallGoneError } from '../esl/errors';
import type { EslCall } from '../esl/esl-call';
import type { EventWriter } from '../events/event-writer';
import type { RuntimeMetrics } from '../metrics';
import { cdrVariables } from './cdr-variables';
import type { LineDirectory, ServedVersion } from './line-directory';

export interface CallServices {
  directory: LineDirectory;
  events: EventWriter;
  metrics: RuntimeMetrics;
  driver: FreeSwitchDriver;
  log(message: string): void;
  /** Played to a number no line serves (a playback or speak step). */
  unknownNumberAnnouncement: fs.AppCall;
  maxCallSeconds: number;
  maxSteps: number;
  fallback: { extension: string; context: string };
}

const COMMAND_MS = 10_000;

/** Writes the observer's reports as call events, numbered per call so a replay cannot double them. */
class CallEventObserver implements CallObserver {
  private seq = 0;
  readonly path: string[] = [];

  constructor(
    private readonly callId: string,
    private readonly events: EventWriter,
  ) {}

  private add(type: string, nodeId: string | null, port: string | null, data: Record<string, unknown> | null): void {
    this.events.add({
      op: 'event',
      callId: this.callId,
      seq: ++this.seq,
      at: new Date().toISOString(),
      type,
      nodeId,
      port,
      data,
    });
  }

  nodeEntered(node: string, type: string): void {
    this.path.push(node);
    this.add('node.entered', node, null, { type });
  }

  portTaken(node: string, port: string): void {
    this.add('port.taken', node, port, null);
  }

  /** The machine masks sensitive values before they reach any observer. */
  inputOutcome(event: InputOutcome): void {
    this.add('input.outcome', event.node, null, {
      attempt: event.attempt,
      via: event.via,
      outcome: event.outcome,
      ...(event.value !== undefined ? { value: event.value } : {}),
    });
  }

  queueJoined(event: QueueJoined): void {
    this.add('queue.joined', event.node, null, { skillGroup: event.skillGroup, priority: event.priority });
  }

  queueLeft(event: QueueLeft): void {
    this.add('queue.left', event.node, null, {
      skillGroup: event.skillGroup,
      outcome: event.outcome,
      ...(event.waitSeconds !== undefined ? { waitSeconds: event.waitSeconds } : {}),
      ...(event.bridge ? { bridge: event.bridge } : {}),
    });
  }

  transferEnded(event: TransferEnded): void {
    this.add('transfer.ended', event.node, null, {
      to: event.to,
      outcome: event.outcome,
      ...(event.bridge ? { bridge: event.bridge } : {}),
    });
  }

  callEnded(end: CallEnd): void {
    this.add('call.ended', end.node, null, { reason: end.reason, ...(end.detail ? { detail: end.detail } : {}) });
  }
}

export class CallSession {
  private machineStop: (() => void) | undefined;
  private finished = false;
  /** Drain handed the call to the dialplan's fallback: from then on nothing more is sent on the channel. */
  private handedOff = false;
  /** The hand-off's transfer in progress: the socket is closed only after it. */
  private handingOff: Promise<void> | undefined;

  constructor(
    readonly call: EslCall,
    private readonly services: CallServices,
  ) {}

  get dialled(): string {
    return this.call.channel['Caller-Destination-Number'] ?? '';
  }

  /** Runs the call to its end; never throws (every failure ends in a defined outcome for the caller). */
  async run(): Promise<void> {
    const { services, call } = this;
    try {
      const lookup = await services.directory.lookup(this.dialled);
      if (lookup.kind === 'unknown') return await this.refuse(lookup.number, lookup.reason);
      await this.serve(lookup.served);
    } catch (error) {
      // Database down with nothing cached, a version that does not compile, our own bug: the caller is not left
      // in silence. Closing the socket hands the call back to the dialplan after `socket` (a second runtime,
      // then an apology and the fallback extension).
      services.log(
        `call ${call.uuid} to ${this.dialled}: ${(error as Error).message}; handing the call back to the dialplan`,
      );
      services.metrics.callsEnded.inc({ reason: 'runtimeError' });
    } finally {
      this.finished = true;
      await this.handingOff;
      call.close();
    }
  }

  /**
   * Drain ran out: stop the machine and transfer the caller to the fallback extension; the call ends `transferred`.
   * A transferred channel has left the socket application but still runs what we send (it would hang up the caller
   * in the fallback), so nothing follows the transfer. Closing the socket of a channel that is no longer transferring
   * with socket_resume=true (the sample dialplan sets it) makes mod_event_socket reset the channel (CS_RESET: silence),
   * so socket_resume is turned off first; the close then leaves the fallback running. If the transfer fails, the
   * dialplan after `socket` is the last resort.
   */
  async handOff(): Promise<void> {
    if (this.finished || this.handedOff) return;
    const { extension, context } = this.services.fallback;
    this.services.log(
      `call ${this.call.uuid}: drain limit reached, transferring to the fallback ${extension}@${context}`,
    );
    this.handedOff = true;
    this.handingOff = (async () => {
      if (this.call.goneReason) return;
      for (const step of [fs.setVariable('socket_resume', 'false'), fs.transfer(extension, context)]) {
        const done = await this.call.execute(step.app, step.arg, 1000).then(
          () => true,
          () => false,
        );
        if (!done) return;
      }
    })();
    // Stopping the machine aborts its effect (uuid_break stops a prompt), so the transfer runs at once.
    this.machineStop?.();
    await this.handingOff;
    this.call.close();
  }

  private async refuse(number: string, reason: string): Promise<void> {
    this.services.log(`call ${this.call.uuid}: no line serves ${number} (${reason}); announcement and hangup`);
    this.services.metrics.callsEnded.inc({ reason: 'unknownNumber' });
    try {
      await this.execute(fs.answer());
      await this.execute(this.services.unknownNumberAnnouncement);
    } catch (error) {
      if (!(error instanceof CallGoneError)) throw error;
    }
    await this.execute(fs.hangup('UNALLOCATED_NUMBER')).catch(() => undefined);
  }

  private execute(step: fs.AppCall) {
    return this.call.execute(step.app, step.arg, COMMAND_MS);
  }

  private async serve(served: ServedVersion): Promise<void> {
    const { services, call } = this;
    const callId = randomUUID();
    const caller = call.channel['Caller-Caller-ID-Number'] ?? '';
    const startedAt = new Date();
    const labels = { flow: served.flowKey, version: String(served.version) };
    services.events.add({
      op: 'callStarted',
      id: callId,
      channelUuid: call.uuid,
      number: this.dialled,
      flowId: served.flowId,
      flowVersion: served.version,
      caller,
      language: null,
      startedAt: startedAt.toISOString(),
    });
    services.metrics.activeCalls.inc(labels);
    const observer = new CallEventObserver(callId, services.events);
    let end: CallEnd;
    let session: FreeSwitchSession;
    try {
      ({ end, session } = await this.runMachine(served, observer, caller, startedAt));
    } finally {
      services.metrics.activeCalls.dec(labels);
    }
    services.metrics.callsEnded.inc({ reason: end.reason });
    services.events.add({
      op: 'callEnded',
      id: callId,
      endedAt: new Date().toISOString(),
      endNode: end.node || null,
      endReason: end.reason as CallEndReason,
      endDetail: end.detail ?? null,
    });
    if (end.reason === 'error')
      services.log(
        `call ${call.uuid} (${served.flowKey} v${served.version}) ended in error at ${end.node}: ${end.detail ?? ''}`,
      );
    // Gone, or handed to the fallback (handOff sends the transfer; the channel is no longer ours to hang up).
    if (call.goneReason || this.handedOff) return;
    // The flow is over but the channel is up (after a transfer or queue, or an error end): say how it ended in
    // channel variables (CDRs, `callflow dial`), then hang up.
    try {
      for (const step of fs.setVariables({
        callflow_path: observer.path.join(','),
        callflow_end: `${end.reason}@${end.node}`,
        ...session.cdrVariables?.(),
      }))
        await this.execute(step);
      await this.execute(fs.hangup('NORMAL_CLEARING'));
    } catch (error) {
      if (!(error instanceof CallGoneError)) throw error;
    }
  }

  private async runMachine(
    served: ServedVersion,
    observer: CallEventObserver,
    caller: string,
    startedAt: Date,
  ): Promise<{ end: CallEnd; session: FreeSwitchSession }> {
    const { services, call } = this;
    const session: FreeSwitchSession = {
      call,
      language: served.compiled.flow.defaultLanguage,
      flowId: served.flowId,
      path: observer.path,
    };
    const actor = createActor(served.machine, {
      input: {
        call: { caller, dialed: this.dialled, at: startedAt.toISOString() },
        session,
        observer,
        maxSteps: services.maxSteps,
      },
    });
    // Read when the call is over (the flow's hangup, or after a transfer or queue): one batch of `set`s, not one per change.
    session.cdrVariables = () => cdrVariables(actor.getSnapshot().context as CallContext);
    const end = await new Promise<CallEnd>((resolve) => {
      let settled = false;
      const finish = (end: CallEnd) => {
        if (settled) return;
        settled = true;
        clearTimeout(reaper);
        call.off('hangup', onHangup);
        resolve(end);
      };
      // Effects that do not wait on the channel (HTTP, the queue's database) hear of the hangup here.
      const onHangup = () => {
        if (!session.hangingUp && !session.bridging) actor.send({ type: 'call.hangup' } as never);
      };
      call.on('hangup', onHangup);
      const reaper = setTimeout(() => {
        actor.stop();
        finish({
          node: observer.path.at(-1) ?? 'start',
          reason: 'error',
          detail: `the call reached the maximum call duration of ${services.maxCallSeconds} s`,
        });
      }, services.maxCallSeconds * 1000);
      this.machineStop = () => {
        // Settled before stopping: a stopped actor completes without an output.
        const { extension, context } = services.fallback;
        finish({
          node: observer.path.at(-1) ?? 'start',
          reason: 'transferred',
          detail: `handed to the fallback extension ${extension}@${context} when the runtime stopped`,
        });
        actor.stop();
      };
      actor.subscribe({
        complete: () => {
          const output = actor.getSnapshot().output as CallEnd | undefined;
          finish(
            output ?? {
              node: observer.path.at(-1) ?? 'start',
              reason: 'error',
              detail: 'the call machine ended without an outcome',
            },
          );
        },
        error: (error) =>
          finish({
            node: observer.path.at(-1) ?? 'start',
            reason: 'error',
            detail: `the call machine failed: ${(error as Error).message}`,
          }),
      });
      actor.start();
    });
    return { end, session };
  }
}
