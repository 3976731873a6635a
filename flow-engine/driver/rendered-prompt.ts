// What a driver is asked to play: a prompt already resolved to one language with its templates filled in.

export type SayAsKind = 'number' | 'digits' | 'currency' | 'date' | 'time';

export type PromptPiece =
  /**
   * `masked`: the text reads a sensitive variable, so logs and transcripts must not repeat it; they show
   * `shown`, the same text with those parts as "••••" ("Card ending ••••, thank you").
   */
  | { kind: 'tts'; text: string; masked?: boolean; shown?: string }
  /** `fallbackText`: what the recording says, spoken in the prompt language's voice when the file is missing. */
  | { kind: 'audio'; file: string; fallbackText?: string }
  | { kind: 'sayAs'; as: SayAsKind; value: string; currency?: string; masked?: boolean; shown?: string };

/** Read-only: a prompt without templates is rendered once per language and shared by every call. */
export interface RenderedPrompt {
  language: string;
  pieces: PromptPiece[];
}
