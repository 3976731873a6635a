// What a simulated caller does beyond a test case's inputs (the driver contract's scripts), and the line log it keeps.

/** What the line did, as a FreeSWITCH channel would show it: kept when SimulatedCallOptions.logLine is set. */
export type LineEvent =
  | { kind: 'answer'; earlyMedia: boolean }
  /** One prompt piece played: the TTS text, the say-as value or the audio file, in its language. */
  | { kind: 'play'; language: string; text: string }
  /** A recording started (after its prompts), with or without the beep. */
  | { kind: 'record'; beep: boolean }
  | { kind: 'hangup' };

/** Caller behaviour a test case cannot script (the driver contract uses it) and the line log. */
export interface SimulatedCallOptions {
  /** Keys the caller presses while the prompt of this node, which takes no input, plays: discarded (type-ahead is flushed). */
  keysDuringPrompt?: Readonly<Record<string, string>>;
  /** The caller hangs up during this node's prompt (`prompt`: play) or its answered bridge (`bridge`: queue, transfer). */
  hangup?: { node: string; during: 'prompt' | 'bridge' };
  /** Keep `line`: what was answered, played, recorded and hung up. */
  logLine?: boolean;
  /**
   * An interactive call (the studio's simulate panel): when the inputs run out at an input attempt, the call stops
   * there and `SimulatedCall.awaiting` says what it waits for, instead of the caller hanging up.
   */
  pauseWhenInputsRunOut?: boolean;
  /**
   * Handed the call's variables unmasked when the run ends: the simulate panel's "call the real integration" sends
   * the request with the values the caller gave (the trace's `vars` mask sensitive ones). Never printed or logged.
   */
  onVariables?: (scope: Readonly<Record<string, unknown>>) => void;
}

/** The input attempt an interactive call stopped at (SimulatedCallOptions.pauseWhenInputsRunOut). */
export interface AwaitedInput {
  node: string;
  /** `collect`: keys (menu, collect, survey); `recognize`: speech or keys (speech). */
  effect: 'collect' | 'recognize';
  timeoutSeconds: number;
  /** 0 for the first attempt. */
  attempt: number;
  sensitive: boolean;
}
