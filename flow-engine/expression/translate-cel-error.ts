// Rewrites cel-js errors as sentences a business admin understands, keeping the offset they point at.

import { EvaluationError, ParseError, TypeError as CelTypeError } from '@marcbachmann/cel-js';
import { BOUNDED_MATCHES } from './bounded-matches';
import { ExpressionProblem, type ExpressionErrorCode } from './errors';
import { MAX_COLLECTION_SIZE, MAX_NESTING } from './limits';

type CelError = ParseError | EvaluationError | CelTypeError;

const TOKEN_WORDS: Record<string, string> = {
  EOF: 'the end of the expression',
  NUMBER: 'a number',
  STRING: 'a text',
  BOOLEAN: 'true/false',
  NULL: 'null',
  IDENTIFIER: 'a name',
  LPAREN: "'('",
  RPAREN: "')'",
  LBRACKET: "'['",
  RBRACKET: "']'",
  LBRACE: "'{'",
  RBRACE: "'}'",
  COLON: "':'",
  COMMA: "','",
  DOT: "'.'",
  QUESTION: "'?'",
};

function word(token: string): string {
  return TOKEN_WORDS[token] ?? `'${token.toLowerCase()}'`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  int: 'whole number',
  uint: 'whole number',
  double: 'decimal number',
  bool: 'true/false',
  null: 'null',
};

/** "string, dyn<int>" → "text, whole number": CEL type names mean little to an admin. */
function typeWords(types: string): string {
  return types
    .replace(/dyn<([^<>]+)>/g, '$1')
    .replace(/\b(string|int|uint|double|bool|null)\b/g, (t) => TYPE_WORDS[t] ?? t);
}

function sentenceFor(error: CelError): [string, ExpressionErrorCode] {
  const summary = error.summary;
  let m: RegExpExecArray | null;
  // The groups read with `!` below are not optional in their patterns, so a match always has them.
  switch (error.code) {
    case 'unexpected_token':
      m = /Unexpected token: (\w+)/.exec(summary);
      return m?.[1] === 'EOF'
        ? ['The expression ends too early', 'syntax']
        : [`Unexpected ${m ? word(m[1]!) : 'symbol'}`, 'syntax'];
    case 'expected_token':
      m = /Expected (\w+), got (\w+)/.exec(summary);
      return [m ? `Expected ${word(m[1]!)} but found ${word(m[2]!)}` : summary, 'syntax'];
    case 'unexpected_character':
      m = /Unexpected character: '?(.)'?/.exec(summary);
      return [m ? `Unexpected character '${m[1]}'` : summary, 'syntax'];
    case 'unterminated_string':
    case 'unterminated_triple_quoted_string':
      return ['A text in quotes is not closed', 'syntax'];
    case 'newline_in_string':
      return ['A text in quotes runs past the end of the line', 'syntax'];
    case 'reserved_identifier':
      m = /Reserved identifier: (\S+)/.exec(summary);
      return [`'${m?.[1] ?? '?'}' is a reserved word and cannot be used as a name`, 'forbidden-name'];
    case 'limit_exceeded':
      if (summary.includes('maxDepth'))
        return [`The expression is nested more than ${MAX_NESTING} levels deep`, 'too-deep'];
      if (summary.includes('maxListElements') || summary.includes('maxMapEntries')) {
        return [`A list or map written in the expression has more than ${MAX_COLLECTION_SIZE} entries`, 'too-long'];
      }
      return ['The expression is too large', 'too-long'];
    case 'unknown_variable':
      m = /Unknown variable: (\S+)/.exec(summary);
      return [`Unknown variable '${m?.[1] ?? '?'}'`, 'unknown-variable'];
    case 'no_such_key':
      m = /No such key: (.+)/.exec(summary);
      return [
        m ? `There is no field '${m[1]}' (use has(…) to check that a field exists before reading it)` : summary,
        'missing-field',
      ];
    case 'no_matching_overload':
      m = /overload for '(?:(\w+)\.)?(\w+)\((.*)\)'/.exec(summary);
      return [
        m ? `${m[2]}() cannot be used with (${typeWords([m[1], m[3]].filter(Boolean).join(', '))})` : summary,
        'wrong-arguments',
      ];
    case 'no_such_overload':
      m = /no such overload: (.+?) (\S+) (.+)/.exec(summary);
      return [m ? `'${m[2]}' cannot combine ${typeWords(m[1]!)} and ${typeWords(m[3]!)}` : summary, 'type-mismatch'];
    case 'invalid_condition_type':
      m = /Ternary condition must be bool, got '(.+)'/.exec(summary);
      return [m ? `The condition before '?' must be true or false, not ${typeWords(m[1]!)}` : summary, 'type-mismatch'];
    case 'incompatible_ternary_branches':
    case 'invalid_comparison_type':
    case 'invalid_index_type':
    case 'cannot_index_type':
    case 'invalid_comprehension_range':
    case 'variable_type_mismatch':
      return [summary, 'type-mismatch'];
    case 'division_by_zero':
      return ['Division by zero', 'arithmetic'];
    case 'modulo_by_zero':
      return ['Remainder (%) by zero', 'arithmetic'];
    case 'numeric_overflow':
      return ['A number became too large', 'arithmetic'];
    case 'match_input_too_long':
      return [summary, 'value-too-large'];
    case 'invalid_macro_argument':
      return [
        summary.replace('has() invalid argument', 'has() needs a field, e.g. has(response.body.tier)'),
        'wrong-arguments',
      ];
    default:
      return [summary, error instanceof ParseError ? 'syntax' : 'evaluation'];
  }
}

/** True for the errors cel-js throws itself. */
export function isCelError(error: unknown): error is CelError {
  return error instanceof ParseError || error instanceof EvaluationError || error instanceof CelTypeError;
}

/**
 * The admin-facing problem for a cel-js error, pointing at the 0-based offset cel-js reported.
 * @example
 * try { celEnvironment.parse('a === b') } catch (e) { if (isCelError(e)) toProblem(e).sentence }
 * // "Unexpected character '='"
 */
export function toProblem(error: CelError): ExpressionProblem {
  const [sentence, code] = sentenceFor(error);
  // Admins wrote `matches`; the name it was re-bound to (see bounded-matches.ts) must not leak into messages.
  return new ExpressionProblem(sentence.replaceAll(BOUNDED_MATCHES, 'matches'), code, error.range?.start);
}
