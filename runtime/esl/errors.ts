// Typed failures of the ESL layer, so callers tell a gone call from a slow FreeSWITCH from a refused command.

/** The call's channel hung up or its socket closed: nothing more can be done on it. */
export class CallGoneError extends Error {
  override name = 'CallGoneError';
  constructor(
    readonly why: 'hangup' | 'socketClosed' | 'disconnectNotice',
    /** FreeSWITCH's Hangup-Cause when known, e.g. NORMAL_CLEARING. */
    readonly hangupCause?: string,
  ) {
    // A state of the call, not a fault in our code: no stack is captured (one per call, made deep inside the socket's
    // data handler, and never printed: only the message is logged).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(
      why === 'hangup'
        ? `The call hung up (${hangupCause ?? 'cause unknown'}).`
        : why === 'socketClosed'
          ? "The call's event socket closed."
          : 'FreeSWITCH sent a disconnect notice for the call.',
    );
    Error.stackTraceLimit = limit;
  }
}

/** FreeSWITCH did not answer a command or finish an application in time. */
export class EslTimeoutError extends Error {
  override name = 'EslTimeoutError';
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`FreeSWITCH did not finish "${what}" within ${timeoutMs} ms.`);
  }
}

/** FreeSWITCH answered a command with -ERR. */
export class EslCommandError extends Error {
  override name = 'EslCommandError';
  constructor(
    readonly command: string,
    readonly reply: string,
  ) {
    super(`FreeSWITCH refused "${command}": ${reply}`);
  }
}
