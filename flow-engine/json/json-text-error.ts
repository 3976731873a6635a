// The one error a JSON text (or file) is refused with: what is wrong, and where, in words an admin can act on.

export type JsonTextProblem = 'syntax' | 'depth' | 'size' | 'encoding';

/** 1-based position; columns count UTF-16 code units, as editors mostly do. */
export interface TextPosition {
  line: number;
  column: number;
}

export class JsonTextError extends Error {
  override readonly name = 'JsonTextError';

  /**
   * @param problem what kind of refusal: bad syntax, nested too deep, too large, or not UTF-8
   * @param reason a sentence fragment without the place, e.g. `expected ',' or '}' but found "]"`
   * @param position where it went wrong, when the text could be read
   * @param syntax for `syntax`: what was expected and what was found instead, for callers that word it their own way
   */
  constructor(
    readonly problem: JsonTextProblem,
    readonly reason: string,
    readonly position?: TextPosition,
    readonly syntax?: { expected: string; found: string },
  ) {
    super(position ? `${reason} at line ${position.line}, column ${position.column}` : reason);
  }
}

/**
 * 1-based line and column of a 0-based offset into `text`.
 * @example
 * lineColumnAt('ab\ncd', 4); // { line: 2, column: 2 }
 */
export function lineColumnAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
