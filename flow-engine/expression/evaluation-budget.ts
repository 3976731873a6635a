// Meters every step of a cel-js evaluation: total work (as cel-go's cost limit does) and the size of every intermediate value.

import { celEnvironment } from './cel-environment';
import { ExpressionProblem } from './errors';
import { MAX_COLLECTION_SIZE, MAX_EVALUATION_COST, MAX_TEXT_LENGTH, TEXT_COST_PER_CHARACTER } from './limits';

/** The parts of cel-js's AST node and evaluator that metering touches (cel-js does not type them). */
interface CelNode {
  op: string;
  start: number;
  evaluate(evaluator: CelEvaluator, node: CelNode, context: unknown): unknown;
}
interface CelEvaluator {
  run(node: CelNode, context: unknown): unknown;
}

// One evaluation runs at a time (evaluation is synchronous); a template's holes share the budget of its render.
let open = 0;
let remaining = 0;
let failure: ExpressionProblem | null = null;

/**
 * Open the budget of one evaluation; returns false when one is already open (a hole inside a template render),
 * in which case the caller must not close it.
 * @example
 * const opened = openBudget();
 * try { run(); checkBudget(); } finally { closeBudget(opened); }
 */
export function openBudget(): boolean {
  if (open > 0) return false;
  open = 1;
  remaining = MAX_EVALUATION_COST;
  failure = null;
  return true;
}

export function closeBudget(opened: boolean): void {
  if (opened) open = 0;
}

/**
 * Throw the breach recorded during the evaluation, if any. cel-js may swallow an error inside `||`, `&&` or
 * `exists()` (CEL's error absorption); a breach must fail the evaluation all the same.
 */
export function checkBudget(): void {
  if (failure) throw failure;
}

function breach(sentence: string, code: 'too-costly' | 'value-too-large', offset: number): never {
  failure ??= new ExpressionProblem(sentence, code, offset);
  throw failure;
}

/**
 * Charge one evaluated node: 1 per step plus the size of what it produced (a tenth per character of text, one
 * per list entry), and refuse texts and lists past their limits. Accumulators of `map()`/`filter()` grow one
 * entry per step: their entries were charged when evaluated, so the list itself is not charged again.
 */
export function chargeValue(value: unknown, op: string, offset: number): void {
  let cost = 1;
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_LENGTH) {
      breach(
        `A text in the expression grew longer than ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters`,
        'value-too-large',
        offset,
      );
    }
    cost += Math.floor(value.length * TEXT_COST_PER_CHARACTER);
  } else if (Array.isArray(value) && op !== 'accuPush') {
    if (value.length > MAX_COLLECTION_SIZE) {
      breach(
        `A list in the expression grew to more than ${MAX_COLLECTION_SIZE.toLocaleString('en-US')} entries`,
        'value-too-large',
        offset,
      );
    }
    cost += value.length;
  } else if (value instanceof Uint8Array) {
    if (value.length > MAX_TEXT_LENGTH)
      breach(`Bytes in the expression grew longer than ${MAX_TEXT_LENGTH} bytes`, 'value-too-large', offset);
    cost += Math.floor(value.length * TEXT_COST_PER_CHARACTER);
  }
  remaining -= cost;
  if (remaining < 0) {
    breach(
      `The expression needs too much work (more than ${MAX_EVALUATION_COST.toLocaleString('en-US')} steps); make it simpler or give it less data`,
      'too-costly',
      offset,
    );
  }
}

/**
 * cel-js evaluates every sub-expression through its evaluator's `run()`; wrapping that one method meters them
 * all. The evaluator is private to the environment, so one probe evaluation hands it over.
 */
function installMeter(): void {
  const probe = celEnvironment.parse('0');
  let evaluator: CelEvaluator | undefined;
  Object.defineProperty(probe.ast, 'evaluate', {
    configurable: true,
    value: (ev: CelEvaluator) => {
      evaluator = ev;
      return 0n;
    },
  });
  probe();
  if (!evaluator) throw new Error('cel-js did not hand over its evaluator: metering cannot be installed');
  evaluator.run = function meteredRun(this: CelEvaluator, node: CelNode, context: unknown): unknown {
    const value = node.evaluate(this, node, context);
    if (open === 0) return value;
    // Hot path: most steps give a number, a true/false or a map, which cost one unit and need no size check.
    if (
      typeof value === 'string' ||
      (typeof value === 'object' && value !== null && (Array.isArray(value) || value instanceof Uint8Array))
    ) {
      chargeValue(value, node.op, node.start);
    } else if (--remaining < 0) {
      chargeValue(value, node.op, node.start);
    }
    return value;
  };
}

installMeter();
