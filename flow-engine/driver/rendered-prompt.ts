// What a driver is asked to play: a prompt already resolved to one language with its templates filled in.

export type SayAsKind = 'number' | 'digits' | 'currency' | 'date' | 'time';

export type PromptPiece =
  /** `masked`: the text shows a sensitive variable, so logs and transcripts must not repeat it. */
  | { kind: 'tts'; text: string; masked?: boolean }
  | { kind: 'audio'; file: string }
  | { kind: 'sayAs'; as: SayAsKind; value: string; currency?: string; masked?: boolean };

/** Read-only: a prompt without templates is rendered once per language and shared by every call. */
export interface RenderedPrompt {
  language: string;
  pieces: PromptPiece[];
}
