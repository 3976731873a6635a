// One simulated call: the caller's scripted inputs, the mocks, a virtual clock and the transcript of what happened.

import { MASK, SensitiveValues } from '../compile/sensitive-values';
import type { PromptPiece, RenderedPrompt } from '../driver/rendered-prompt';
import type { CallerInput, Mocks } from '../test-case';
import type { AwaitedInput, LineEvent, SimulatedCallOptions } from './caller-script';
import { transcriptText, type TranscriptCode } from './transcript-messages-en';

export { MASK };

/** What the caller heard (`played`), what the simulated caller did (`heard`), and effects on the outside world. */
export interface TranscriptEntry {
  node: string;
  kind: 'played' | 'heard' | 'event';
  /** In English for heard and event lines (the studio renders `code` and `params` in its language instead). */
  text: string;
  /** What a heard or event line says, as a code of transcriptMessagesEn; absent on played prompts. */
  code?: TranscriptCode;
  params?: Record<string, string>;
}

/** A line's text and parameters with every sensitive value the call has seen masked. */
export function maskEntry(entry: TranscriptEntry, mask: (text: string) => string): TranscriptEntry {
  const masked: TranscriptEntry = { ...entry, text: mask(entry.text) };
  if (entry.params)
    masked.params = Object.fromEntries(Object.entries(entry.params).map(([key, value]) => [key, mask(value)]));
  return masked;
}

/**
 * The default call instant when a test case gives none: Monday 5 January 2026, 10:00 in Shanghai
 * (02:00 UTC). Fixed rather than "now" so that a flow's tests give the same answer every day.
 */
export const DEFAULT_CALL_AT = '2026-01-05T10:00:00+08:00';

const texts = new WeakMap<RenderedPrompt, string>();

/**
 * The transcript text of a prompt. A single text piece (most prompts) is used as is, with no cache entry per
 * rendering; anything else is built once per prompt object (prompts without templates are shared objects).
 */
export function promptText(prompt: RenderedPrompt): string {
  const only = prompt.pieces.length === 1 ? prompt.pieces[0] : undefined;
  if (only?.kind === 'tts') return pieceText(only);
  let text = texts.get(prompt);
  if (text === undefined) texts.set(prompt, (text = prompt.pieces.map(pieceText).join(' ')));
  return text;
}

function pieceText(piece: PromptPiece): string {
  if (piece.kind === 'audio') return `[audio ${piece.file}]`;
  if (piece.masked) return piece.shown ?? MASK;
  return piece.kind === 'tts' ? piece.text : piece.value;
}

export class SimulatedCall {
  readonly transcript: TranscriptEntry[] = [];
  /** What the line did (only with `options.logLine`). */
  readonly line: LineEvent[] = [];
  /** Caller behaviour beyond the test case's inputs; set before the call starts. */
  options: SimulatedCallOptions = {};
  /** Where an interactive call stopped for the caller's next input (only with `options.pauseWhenInputsRunOut`). */
  awaiting: AwaitedInput | undefined;
  private cursor = 0;
  /** Virtual clock in epoch milliseconds; advanced by timeouts, waits and recordings. */
  private clock: number;

  constructor(
    private readonly inputs: readonly CallerInput[],
    readonly mocks: Mocks,
    startsAt: number,
    /** The call's sensitive values (the machine adds them): every transcript line is masked with them. */
    readonly sensitive: SensitiveValues = new SensitiveValues(),
  ) {
    this.clock = startsAt;
  }

  now(): Date {
    return new Date(this.clock);
  }

  advance(seconds: number): void {
    this.clock += seconds * 1000;
  }

  /** The caller hangs up during this node's prompt or bridge (SimulatedCallOptions.hangup). */
  hangsUpDuring(node: string, during: 'prompt' | 'bridge'): boolean {
    const hangup = this.options.hangup;
    return hangup !== undefined && hangup.node === node && hangup.during === during;
  }

  /** Record on the line log (a no-op without `logLine`). */
  lineEvent(event: LineEvent): void {
    if (this.options.logLine) this.line.push(event);
  }

  /** Log each piece of the prompts played, with its language (a no-op without `logLine`). */
  linePlayed(prompts: readonly RenderedPrompt[]): void {
    if (!this.options.logLine) return;
    for (const prompt of prompts) {
      for (const piece of prompt.pieces) {
        this.line.push({
          kind: 'play',
          language: prompt.language,
          text: piece.kind === 'audio' ? piece.file : piece.kind === 'tts' ? piece.text : piece.value,
        });
      }
    }
  }

  /** The caller's next input at an input attempt; undefined when the script has run out. */
  nextInput(): CallerInput | undefined {
    return this.cursor < this.inputs.length ? this.inputs[this.cursor++] : undefined;
  }

  /** During a wait (recording, queue, transfer) the caller hangs up only if the script says so next. */
  hangsUpDuringWait(): boolean {
    const next = this.inputs[this.cursor];
    if (typeof next === 'object' && next !== null && 'hangup' in next && next.hangup) {
      this.cursor++;
      return true;
    }
    return false;
  }

  played(node: string, prompts: readonly RenderedPrompt[]): void {
    for (const prompt of prompts)
      this.transcript.push({ node, kind: 'played', text: this.sensitive.mask(promptText(prompt)) });
  }

  /** What the simulated caller did (keys, words, silence, hanging up): masked, as it may be sensitive input. */
  heard(node: string, code: TranscriptCode, params: Record<string, string> = {}): void {
    this.transcript.push(
      maskEntry({ node, kind: 'heard', text: transcriptText(code, params), code, params }, (text) =>
        this.sensitive.mask(text),
      ),
    );
  }

  /** An effect on the outside world (HTTP request, transfer, callback): its text may carry data, so it is masked. */
  event(node: string, code: TranscriptCode, params: Record<string, string> = {}): void {
    this.transcript.push(
      maskEntry({ node, kind: 'event', text: transcriptText(code, params), code, params }, (text) =>
        this.sensitive.mask(text),
      ),
    );
  }
}

/** A mock for a node: by its full id, else by its own id inside a subflow (`identify/lookup` → `lookup`). */
export function mockFor<T>(table: Record<string, T> | undefined, ...keys: string[]): T | undefined {
  if (!table) return undefined;
  for (const key of keys) {
    if (Object.hasOwn(table, key)) return table[key];
    const own = key.slice(key.lastIndexOf('/') + 1);
    if (Object.hasOwn(table, own)) return table[own];
  }
  return undefined;
}
