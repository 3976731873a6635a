// Error shapes of the expression language: parse problems (returned) and evaluation failures (thrown).

/** Why an expression or template was refused or failed; stable for code, unlike the message. */
export type ExpressionErrorCode =
  | 'too-long'
  | 'too-deep'
  | 'syntax'
  | 'unknown-function'
  | 'wrong-arguments'
  | 'forbidden-name'
  | 'unsafe-pattern'
  | 'nested-list-functions'
  | 'unclosed-template'
  | 'empty-template-hole'
  | 'unknown-variable'
  | 'missing-field'
  | 'type-mismatch'
  | 'value-too-large'
  | 'unsupported-value'
  | 'arithmetic'
  | 'rendered-too-long'
  | 'too-costly'
  | 'evaluation';

/** A parse problem: a sentence for an admin and the 1-based column it points at within the source. */
export interface ExpressionError {
  message: string;
  column: number;
  code: ExpressionErrorCode;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ExpressionError };

/** Thrown by `evaluate()` / `render()`; `column` is 1-based within the expression or template source. */
export class ExpressionEvaluationError extends Error {
  override readonly name = 'ExpressionEvaluationError';
  readonly column?: number;
  readonly code: ExpressionErrorCode;

  constructor(message: string, code: ExpressionErrorCode, column?: number) {
    super(message);
    this.code = code;
    this.column = column;
  }
}

/**
 * A problem found inside the engine before it is tied to a source text: the sentence has no column yet,
 * so that a template can shift the offset of one of its holes before the message is written.
 */
export class ExpressionProblem extends Error {
  override readonly name = 'ExpressionProblem';
  constructor(
    readonly sentence: string,
    readonly code: ExpressionErrorCode,
    /** 0-based offset in the expression source, when known. */
    readonly offset: number | undefined,
  ) {
    super(sentence);
  }

  /** The same problem, `by` characters further into a larger text. */
  shifted(by: number): ExpressionProblem {
    return new ExpressionProblem(this.sentence, this.code, this.offset === undefined ? undefined : this.offset + by);
  }

  toParseError(): ExpressionError {
    const column = (this.offset ?? 0) + 1;
    return { message: `${this.sentence} at column ${column}.`, column, code: this.code };
  }

  toEvaluationError(): ExpressionEvaluationError {
    if (this.offset === undefined) return new ExpressionEvaluationError(`${this.sentence}.`, this.code);
    const column = this.offset + 1;
    return new ExpressionEvaluationError(`${this.sentence} at column ${column}.`, this.code, column);
  }
}
