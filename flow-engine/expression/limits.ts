// Fixed limits that keep every parse and evaluation of an admin's expression bounded in time and memory.

/** Longest expression source, in characters (also the longest `{{ }}` hole of a template). */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Longest template source, in characters. */
export const MAX_TEMPLATE_LENGTH = 20_000;
/** Longest text a template may render to. */
export const MAX_RENDERED_LENGTH = 10_000;
/** Deepest nesting of brackets, calls and operators in one expression. */
export const MAX_NESTING = 64;
/** Deepest nesting of list functions (`exists`, `all`, `map`, …) inside one another. */
export const MAX_LIST_FUNCTION_NESTING = 2;
/** Most elements one list (or entries one map) read from a variable may hold. */
export const MAX_COLLECTION_SIZE = 1000;
/** Most values (list elements, map entries, nested) one variable may hold in total. */
export const MAX_VALUES_PER_VARIABLE = 10_000;
/** Longest text value a variable may hold (all its texts together). */
export const MAX_TEXT_PER_VARIABLE = 100_000;
/** Longest text any step of an evaluation may produce (the same as a variable may hold). */
export const MAX_TEXT_LENGTH = 100_000;
/**
 * Work one evaluation (an expression, or a whole template with all its holes) may do: one per step plus the size
 * of every value produced (see TEXT_COST_PER_CHARACTER). Kubernetes gives CEL rules the same 1,000,000.
 */
export const MAX_EVALUATION_COST = 1_000_000;
/** Cost of a character of text, as in cel-go (string traversal cost factor 0.1). */
export const TEXT_COST_PER_CHARACTER = 0.1;
/** Most text (characters) all the variables of one call may hold together. */
export const MAX_TEXT_PER_CALL = 1_000_000;
/** Most values (list entries, map entries, scalars) all the variables of one call may hold together. */
export const MAX_VALUES_PER_CALL = 100_000;
/** Longest `matches()` pattern. */
export const MAX_PATTERN_LENGTH = 100;
/** Longest text `matches()` checks: enough for any phone number, code or digits a caller keys in. */
export const MAX_MATCH_INPUT_LENGTH = 256;
/** How many parsed expressions / templates are kept for reuse. */
export const EXPRESSION_CACHE_SIZE = 2000;
export const TEMPLATE_CACHE_SIZE = 1000;
