// How an input's prompts (retry prompt + menu, a survey's intro + question) reach FreeSWITCH so that every piece plays.

import type { PromptPiece, RenderedPrompt } from '../../flow-engine/driver';

/** One piece with the language its prompt was rendered in. */
export interface LanguagePiece {
  language: string;
  piece: PromptPiece;
}

/** What play_and_get_digits / play_and_detect_speech is given as its own prompt. */
export type InputPromptTail =
  /** Audio files: one file, or `file_string://` of several. */
  | { kind: 'files'; files: string[] }
  /** One `say:` piece, spoken with the channel's tts_engine / tts_voice set to `language`'s voice. */
  | { kind: 'tts'; language: string; text: string }
  /** Nothing left to play: the input waits in silence. */
  | { kind: 'silence' };

export interface InputPromptPlan {
  /** Played first, one application each (playback / speak / say), in order; a key stops them. */
  lead: LanguagePiece[];
  tail: InputPromptTail;
}

/**
 * FreeSWITCH 1.10.12 plays an input prompt only in forms it can open as one file (recorded in
 * outbound-play-and-get-digits-file-string-say.txt): one `say:` piece holding all the text, a `phrase:` macro, or
 * `file_string://` of audio files. `file_string://say:…!say:…` fails silently (no digits collected, no read_result).
 * So the input's own prompt is the run of audio files at the end, or the last TTS piece, and everything before it is
 * played piece by piece just before the input starts (each piece stays one piece, as the caller hears it).
 * @example planInputPrompt([{ language: 'en-US', pieces: [{ kind: 'tts', text: 'Sorry.' }, { kind: 'tts', text: 'Press 1.' }] }])
 * // { lead: [{ language: 'en-US', piece: { kind: 'tts', text: 'Sorry.' } }], tail: { kind: 'tts', language: 'en-US', text: 'Press 1.' } }
 */
export function planInputPrompt(prompts: readonly RenderedPrompt[]): InputPromptPlan {
  const pieces: LanguagePiece[] = prompts.flatMap((prompt) =>
    prompt.pieces.map((piece) => ({ language: prompt.language, piece })),
  );
  const last = pieces.at(-1);
  if (!last || last.piece.kind === 'sayAs') return { lead: pieces, tail: { kind: 'silence' } };
  if (last.piece.kind === 'tts')
    return { lead: pieces.slice(0, -1), tail: { kind: 'tts', language: last.language, text: last.piece.text } };
  let start = pieces.length - 1;
  while (start > 0 && pieces[start - 1]?.piece.kind === 'audio') start--;
  const files = pieces.slice(start).map(({ piece }) => (piece as Extract<PromptPiece, { kind: 'audio' }>).file);
  return { lead: pieces.slice(0, start), tail: { kind: 'files', files } };
}
