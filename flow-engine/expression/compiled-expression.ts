// parseExpression(): CEL source → a cached, analysed expression that evaluates against a flow scope.

import { analyzeAst, bindBoundedMatches } from './analyze-ast';
import { BoundedCache } from './bounded-cache';
import { celEnvironment } from './cel-environment';
import { fromCel, toCelVariable } from './convert-values';
import { chargeValue, checkBudget, closeBudget, openBudget } from './evaluation-budget';
import { ExpressionProblem, type ParseResult } from './errors';
import { EXPRESSION_CACHE_SIZE, MAX_EXPRESSION_LENGTH } from './limits';
import { isCelError, toProblem } from './translate-cel-error';

export interface CompiledExpression {
  readonly source: string;
  /** Free root identifiers the source reads, in order of first use, e.g. ["tier", "call"]. */
  readonly identifiers: readonly string[];
  /**
   * Evaluate against the scope and return plain JS (number, string, boolean, null, arrays, plain objects).
   * Every identifier must be an own property of `scope` (undefined counts as null); reading a missing map
   * field fails (use `has(a.b)` first). Throws ExpressionEvaluationError with the column it failed at.
   */
  evaluate(scope: Readonly<Record<string, unknown>>): unknown;
}

type Runner = (context: Record<string, unknown>) => unknown;

export class CelExpression implements CompiledExpression {
  readonly #run: Runner;
  readonly #offsets: readonly number[];
  /** Reused for every evaluation (one less allocation on the hot path); evaluation is synchronous. */
  readonly #context = Object.create(null) as Record<string, unknown>;

  constructor(
    readonly source: string,
    readonly identifiers: readonly string[],
    offsets: readonly number[],
    run: Runner,
  ) {
    this.#offsets = offsets;
    this.#run = run;
    Object.freeze(identifiers);
  }

  evaluate(scope: Readonly<Record<string, unknown>>): unknown {
    try {
      return this.evaluateOrProblem(scope);
    } catch (error) {
      throw asProblem(error).toEvaluationError();
    }
  }

  /** Like evaluate(), but throws an ExpressionProblem (offset within this source) so templates can shift it. */
  evaluateOrProblem(scope: Readonly<Record<string, unknown>>): unknown {
    const ids = this.identifiers;
    const context = this.#context;
    // An indexed loop on the hot path; identifiers and their offsets are parallel lists of the same length.
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const offset = this.#offsets[i]!;
      if (!Object.hasOwn(scope, id)) {
        throw new ExpressionProblem(`Unknown variable '${id}'`, 'unknown-variable', offset);
      }
      context[id] = toCelVariable(id, scope[id], offset);
    }
    const opened = openBudget();
    try {
      const result = this.#run(context);
      // The root step is not run through the evaluator's run(): charge it here, then fail on any breach
      // that cel-js absorbed on the way (`error || true`).
      chargeValue(result, 'result', 0);
      checkBudget();
      return fromCel(result);
    } catch (error) {
      throw asProblem(error);
    } finally {
      closeBudget(opened);
      // Do not keep the caller's data alive between evaluations.
      for (const id of ids) context[id] = null;
    }
  }
}

function asProblem(error: unknown): ExpressionProblem {
  if (error instanceof ExpressionProblem) return error;
  if (isCelError(error)) return toProblem(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new ExpressionProblem(`The expression could not be evaluated (${detail})`, 'evaluation', undefined);
}

/** Parse and analyse, throwing an ExpressionProblem; no cache. */
function compile(source: string): CelExpression {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionProblem(
      `The expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
      'too-long',
      MAX_EXPRESSION_LENGTH,
    );
  }
  if (source.trim() === '') throw new ExpressionProblem('The expression is empty', 'syntax', 0);
  const parsed = celEnvironment.parse(source);
  const facts = analyzeAst(parsed.ast, source);
  bindBoundedMatches(facts);
  const checked = parsed.check();
  if (!checked.valid && checked.error) throw toProblem(checked.error);
  return new CelExpression(source, facts.identifiers, facts.offsets, parsed);
}

const cache = new BoundedCache<CelExpression | ExpressionProblem>(EXPRESSION_CACHE_SIZE);

/** The cached compiled expression for `source`, or the problem that refuses it. Used by templates for their holes. */
export function compileCached(source: string): CelExpression | ExpressionProblem {
  let entry = cache.get(source);
  if (entry === undefined) {
    try {
      entry = compile(source);
    } catch (error) {
      entry = asProblem(error);
    }
    cache.set(source, entry);
  }
  return entry;
}

/**
 * Parse a CEL expression once (results are cached by source) for fast repeated evaluation.
 * Never throws: a refused expression comes back as `{ ok: false, error: { message, column } }`.
 * @example
 * const parsed = parseExpression('tier == "vip" && attempts < 3');
 * if (parsed.ok) parsed.value.evaluate({ tier: 'vip', attempts: 2 }); // true
 * parsed.ok && parsed.value.identifiers; // ["tier", "attempts"]
 */
export function parseExpression(source: string): ParseResult<CompiledExpression> {
  const entry = compileCached(source);
  return entry instanceof ExpressionProblem ? { ok: false, error: entry.toParseError() } : { ok: true, value: entry };
}
