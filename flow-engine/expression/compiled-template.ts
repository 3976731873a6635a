// parseTemplate(): text with `{{ CEL }}` holes → a cached template that renders against a flow scope; a URL renders
// with its holes encoded, except raw `{{{ CEL }}}` ones.

import { BoundedCache } from './bounded-cache';
import { compileCached, type CelExpression } from './compiled-expression';
import { closeBudget, openBudget } from './evaluation-budget';
import { ExpressionProblem, type ParseResult } from './errors';
import { MAX_RENDERED_LENGTH, MAX_TEMPLATE_LENGTH, TEMPLATE_CACHE_SIZE } from './limits';
import { scanTemplate } from './scan-template';

export interface CompiledTemplate {
  readonly source: string;
  /** Free root identifiers read by all holes, in order of first use. */
  readonly identifiers: readonly string[];
  /** True when the text has no `{{ }}` holes: render() always returns the same text. */
  readonly isStatic: boolean;
  /** Fill in the holes. Throws ExpressionEvaluationError (column within the whole template). */
  render(scope: Readonly<Record<string, unknown>>, options?: RenderOptions): string;
  /**
   * Fill in the holes twice over: `text` as render() gives it, and `shown`, where every hole that reads a name
   * `hides` accepts is `mask` instead — the text for logs and transcripts, which keeps the words and hides the digits.
   * `hidden` lists what those holes gave.
   * @example
   * t.renderShown({ last4: '1111' }, (n) => n === 'last4', '••••')
   * // { text: 'Card ending 1111', shown: 'Card ending ••••', hidden: ['1111'] }
   */
  renderShown(
    scope: Readonly<Record<string, unknown>>,
    hides: (name: string) => boolean,
    mask: string,
    options?: RenderOptions,
  ): ShownText;
}

export interface RenderOptions {
  /**
   * Applied to what each hole gives, except raw `{{{ }}}` holes: a URL passes `encodeURIComponent`, so a value
   * cannot add path segments, a query or a fragment.
   */
  encode?: (text: string) => string;
}

export interface ShownText {
  text: string;
  shown: string;
  hidden: string[];
}

type Piece = string | { expression: CelExpression; offset: number; raw: boolean };

class CelTemplate implements CompiledTemplate {
  readonly isStatic: boolean;
  readonly #pieces: readonly Piece[];

  constructor(
    readonly source: string,
    readonly identifiers: readonly string[],
    pieces: Piece[],
  ) {
    this.#pieces = pieces;
    this.isStatic = pieces.every((p) => typeof p === 'string');
    Object.freeze(identifiers);
  }

  render(scope: Readonly<Record<string, unknown>>, options: RenderOptions = {}): string {
    // All holes of one render share one evaluation budget.
    const opened = openBudget();
    try {
      return this.#render(scope, undefined, options);
    } finally {
      closeBudget(opened);
    }
  }

  renderShown(
    scope: Readonly<Record<string, unknown>>,
    hides: (name: string) => boolean,
    mask: string,
    options: RenderOptions = {},
  ): ShownText {
    const opened = openBudget();
    try {
      const shown = { hides, mask, text: '', hidden: [] as string[] };
      const text = this.#render(scope, shown, options);
      return { text, shown: shown.text, hidden: shown.hidden };
    } finally {
      closeBudget(opened);
    }
  }

  #render(
    scope: Readonly<Record<string, unknown>>,
    shown: { hides: (name: string) => boolean; mask: string; text: string; hidden: string[] } | undefined,
    { encode }: RenderOptions,
  ): string {
    let out = '';
    for (const piece of this.#pieces) {
      if (typeof piece === 'string') {
        out += piece;
        if (shown) shown.text += piece;
      } else {
        let value: unknown;
        try {
          value = piece.expression.evaluateOrProblem(scope);
        } catch (error) {
          const problem =
            error instanceof ExpressionProblem ? error : new ExpressionProblem(String(error), 'evaluation', 0);
          throw problem.shifted(piece.offset).toEvaluationError();
        }
        const text = encode && !piece.raw ? encode(textOf(value)) : textOf(value);
        out += text;
        if (shown && text !== '' && piece.expression.identifiers.some(shown.hides)) {
          shown.text += shown.mask;
          shown.hidden.push(text);
        } else if (shown) {
          shown.text += text;
        }
      }
      if (out.length > MAX_RENDERED_LENGTH) {
        throw new ExpressionProblem(
          `The text is longer than ${MAX_RENDERED_LENGTH} characters once its {{ }} parts are filled in`,
          'rendered-too-long',
          undefined,
        ).toEvaluationError();
      }
    }
    return out;
  }
}

/** How a hole's value reads in text: strings as-is, null as nothing, lists and maps as JSON. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects were handled above; what is left is a number, boolean or bigint
  return String(value);
}

function compile(source: string): CelTemplate {
  if (source.length > MAX_TEMPLATE_LENGTH) {
    throw new ExpressionProblem(
      `The text is longer than ${MAX_TEMPLATE_LENGTH} characters`,
      'too-long',
      MAX_TEMPLATE_LENGTH,
    );
  }
  const pieces: Piece[] = [];
  const identifiers: string[] = [];
  for (const part of scanTemplate(source)) {
    if (part.kind === 'text') {
      pieces.push(part.text);
      continue;
    }
    const compiled = compileCached(part.source);
    if (compiled instanceof ExpressionProblem) throw compiled.shifted(part.offset);
    pieces.push({ expression: compiled, offset: part.offset, raw: part.raw === true });
    for (const id of compiled.identifiers) if (!identifiers.includes(id)) identifiers.push(id);
  }
  return new CelTemplate(source, identifiers, pieces);
}

const cache = new BoundedCache<CelTemplate | ExpressionProblem>(TEMPLATE_CACHE_SIZE);

/**
 * Parse a text with `{{ CEL }}` holes (cached by source). Never throws: a refused template comes back as
 * `{ ok: false, error }` whose column counts from the start of the whole template. Write `\{{` for a literal "{{".
 * @example
 * const t = parseTemplate('Your order {{orderId}} ships on {{eta}}');
 * if (t.ok) t.value.render({ orderId: 'A17', eta: 'Monday' }); // "Your order A17 ships on Monday"
 */
export function parseTemplate(source: string): ParseResult<CompiledTemplate> {
  let entry = cache.get(source);
  if (entry === undefined) {
    try {
      entry = compile(source);
    } catch (error) {
      entry =
        error instanceof ExpressionProblem
          ? error
          : new ExpressionProblem(`The text could not be read (${String(error)})`, 'syntax', 0);
    }
    cache.set(source, entry);
  }
  return entry instanceof ExpressionProblem ? { ok: false, error: entry.toParseError() } : { ok: true, value: entry };
}
